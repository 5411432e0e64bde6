"""credcheck's domain: everything that knows about AWS, and nothing that knows about Flask."""

from .failures import Failure
from .sts import Checker, Credentials, Settings, Success

__all__ = ["Checker", "Credentials", "Failure", "Settings", "Success"]
