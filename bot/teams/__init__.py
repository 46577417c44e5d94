"""Microsoft Teams: the same Rounds through the Bot Framework, with Adaptive Cards (README, "Microsoft Teams")."""
