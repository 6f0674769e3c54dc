"""Widgets of the app, each with one job; none of them runs SQL on the event loop."""
