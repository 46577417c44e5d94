"""Sending what the outbox holds: claim, send through a platform sender, record, retry, give up loudly."""
