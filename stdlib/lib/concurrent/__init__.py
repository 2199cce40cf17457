"""Packages for running work concurrently (see concurrent.futures)."""
