"""Rounds in Slack: the Bolt app (HTTP and Socket Mode), its listeners, Block Kit rendering and the outbox sender."""
