"""Projects around a shared need: participants, a business case and phases."""
