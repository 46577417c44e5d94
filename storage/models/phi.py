"""A workspace's PHI-guard allowances, set by its PMO admins (`/pmo phi policy`). No row means the defaults."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class PhiPolicy(Base):
    __tablename__ = "phi_policies"

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"), primary_key=True)
    # A phone number in a sentence about a service desk, a vendor or a downtime line passes.
    service_desk: Mapped[bool] = mapped_column(default=True)
    # A private-range address next to an infrastructure word ("Server 10.20.30.40 patched") passes.
    server_ip: Mapped[bool] = mapped_column(default=True)
    # Phone numbers that always pass (a vendor's support line): last ten digits, comma-separated.
    numbers: Mapped[str] = mapped_column(String(2000), default="")
    updated_at: Mapped[datetime] = mapped_column()
