"""The local console: the same commands in a terminal, against the embedded database."""
