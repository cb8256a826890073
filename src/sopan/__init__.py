"""sopan: decline, cancel or reschedule a job interview, courteously."""

__version__ = "0.6.0"
