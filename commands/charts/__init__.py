"""Charts for digests and dashboards: plain data in (specs), PNG bytes and alt text out (render)."""
