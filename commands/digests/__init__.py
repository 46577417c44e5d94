"""Digests: subscriptions, their schedule, and the content (set-based loading + rendering)."""
