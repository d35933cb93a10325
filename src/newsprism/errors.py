"""The few errors newsprism raises on purpose; each message says what to do."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """An input could not be read (missing, unreadable, wrong format)."""


class ModelMissingError(NewsprismError):
    """A model package is not installed; the message names the package to install."""


class StoreError(NewsprismError):
    """The SQLite store cannot be opened or migrated."""


class ConfigError(NewsprismError):
    """A setting has a bad value or an unknown name."""


class ReportError(NewsprismError, ValueError):
    """A report does not keep the report.json contract; the message lists where and how."""
