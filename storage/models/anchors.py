"""Audit anchors: the chain's head as it was each day, also posted outside the database (the PMO admins'
channel). Append-only: a rewritten and re-hashed chain no longer matches what was anchored."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class AuditAnchor(Base):
    __tablename__ = "audit_anchors"
    __table_args__ = (UniqueConstraint("workspace_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column()  # the head's seq when anchored
    hash: Mapped[str] = mapped_column(String(64))  # the head's hash (what was posted)
    from_seq: Mapped[int] = mapped_column()  # the first event this anchor covers (the previous anchor's seq + 1)
    # The hash of every event from from_seq to seq, 64 hex characters each, run together: verify names the
    # exact event whose hash changed after it was anchored.
    digests: Mapped[str] = mapped_column(Text)
    keyed: Mapped[bool] = mapped_column(default=False)  # the chain was HMAC-keyed when this was taken
    posted_to: Mapped[str] = mapped_column(String(200))  # "channel:C0PMO" or "dm:3 admins"
    at: Mapped[datetime] = mapped_column()
