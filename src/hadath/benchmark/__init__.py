"""Speed and memory of the pipeline, per stage and end to end (`hadath bench`)."""
