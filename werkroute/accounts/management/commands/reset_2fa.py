"""`werkroute reset-2fa USERNAME --by ADMIN`: a colleague lost their phone.

Removes the colleague's authenticator app and backup codes; at their next login they set up a new
app. The functional administrator who does this names themselves with --by; the service checks
that they may and logs both by public id only.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkroute.accounts.models import User
from werkroute.accounts.services import reset_second_factor


def _user(username: str) -> User:
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise CommandError(f"Er is geen gebruiker met de gebruikersnaam {username!r}.") from None


class Command(BaseCommand):
    help = (
        "Zet de tweestapsverificatie van een collega terug (telefoon kwijt): de app en de "
        "reservecodes worden verwijderd; bij de volgende keer inloggen stelt de collega een "
        "nieuwe app in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="gebruikersnaam van de collega")
        parser.add_argument(
            "--by",
            required=True,
            metavar="BEHEERDER",
            help="uw eigen gebruikersnaam (functioneel beheerder of superuser)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = _user(options["username"])
        actor = _user(options["by"])
        try:
            removed = reset_second_factor(actor=actor, user=user)
        except PermissionDenied:
            raise CommandError(
                f"{actor.username} mag de tweestapsverificatie van {user.username} niet "
                "terugzetten. Dat mag een functioneel beheerder van de gemeente of regio van "
                "deze collega, of een superuser."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Tweestapsverificatie van {user.username} teruggezet ({removed} apparaat/"
                f"apparaten verwijderd) door {actor.username}. Bij de volgende keer inloggen "
                "stelt de collega een nieuwe app in."
            )
        )
