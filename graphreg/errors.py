"""Exceptions graphreg raises. Each one says what went wrong and what to do next."""

from __future__ import annotations


class GraphregError(Exception):
    """Base class. ``str(err)`` is a complete message for a person, ending with what to do."""

    exit_code = 1


class ServerError(GraphregError):
    """The managed Neo4j server could not be fetched, started, reached or stopped."""


class MissingToolError(ServerError):
    """Java or Maven is missing or too old for the managed server."""


class NotConnectedError(GraphregError):
    """No Neo4j answers at the configured address."""


class InputError(GraphregError):
    """Bad input from the user: a file, a code, an option. Names where and what to do."""

    exit_code = 2


class CrossCheckError(GraphregError):
    """An analysis total disagrees with the Cypher aggregate that checks it."""

    exit_code = 3
