"""Distriktssenteret's digital platform."""
