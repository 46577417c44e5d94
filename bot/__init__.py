"""The outside world: chat platforms, the local console, the HTTP server, the clock and the CLI."""
