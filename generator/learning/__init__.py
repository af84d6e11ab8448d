"""What the team learns from its records: the pipeline's movement, the readers' verdicts."""
