"""The shared language and region layer: how dates are written, places, phone numbers."""
