"""Rounds' record: SQLAlchemy models, the unit of work, the audit chain and the outbox.

Nothing in here knows about chat platforms or command grammar (the rule is bot -> commands -> storage).
"""
