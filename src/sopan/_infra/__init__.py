"""Small private helpers: files, inputs, control characters, memo, patterns, lazy imports."""
