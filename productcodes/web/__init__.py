"""The web service: an HTTP API under /api/v1 and server-rendered Dutch pages over the same engine."""
