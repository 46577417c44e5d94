"""The rest of the RAID log (issues, assumptions, dependencies), the plan's controls (milestones, budget,
tolerances) and management by exception. Handlers are listed in commands.raid.handlers."""
