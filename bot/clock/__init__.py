"""The clock process: digests, nudges and outbox dispatch on a schedule, one clock at a time."""
