"""Learned event detection and roles: features, the trained models, their training."""
