"""Nudges: what each person owes, when they may be told, snoozes and the escalation ladder."""
