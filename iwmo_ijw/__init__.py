"""iJw and iWmo 3.2 messages: detection, hardened parsing, schemas, typed models."""

from iwmo_ijw.namespaces import MESSAGE_TYPES, STANDARDS, MessageType, Standard
from iwmo_ijw.parsing import MessageError, ParsedMessage, load

__all__ = ["MESSAGE_TYPES", "MessageType", "Standard", "STANDARDS", "MessageError", "ParsedMessage", "load"]
