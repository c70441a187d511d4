"""Assessment through an OpenAI-compatible API: transcription, evaluation, and the pipeline that
stores each step. No Qt."""
