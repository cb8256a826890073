"""Words and facts as data: guidelines, phrases, channels, rules."""
