"""What the platform keeps about a merchant's account beyond the Django user: the ID-porten link."""

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

# The salt names the purpose, so this digest matches no other HMAC made with the same key.
PID_DIGEST_SALT = "distrikt.merkur.MerchantProfile.idporten_pid"


def pid_digest(pid: str) -> str:
    """A keyed hash (HMAC-SHA256) of a national identity number (ID-porten's `pid` claim).

    It finds the merchant again at the next login and reveals nothing: without the key, the
    eleven digits cannot be tried one by one. The key is IDPORTEN_PID_HASH_KEY, or the
    SECRET_KEY when that is empty; changing it unlinks every merchant (they link again).
    """
    key = settings.IDPORTEN_PID_HASH_KEY or settings.SECRET_KEY
    return salted_hmac(PID_DIGEST_SALT, pid.strip(), secret=key, algorithm="sha256").hexdigest()


class MerchantProfileQuerySet(models.QuerySet):
    def for_pid(self, pid: str) -> "MerchantProfileQuerySet":
        """The profile linked to this national identity number (at most one)."""
        return self.filter(idporten_pid_digest=pid_digest(pid))


class MerchantProfile(models.Model):
    """A merchant's (or advisor's) account settings: the ID-porten identity it may log in with."""

    changes_datasets = ()  # shown on no cached page

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="merkur_profile",
        verbose_name=_("brukar"),
    )
    # Never the number itself: personal data the platform has no need to read back.
    idporten_pid_digest = models.CharField(
        _("ID-porten-identitet (hashverdi)"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
    )
    idporten_linked_at = models.DateTimeField(_("kopla til ID-porten"), null=True, blank=True, editable=False)

    objects = MerchantProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("kjøpmannsprofil")
        verbose_name_plural = _("kjøpmannsprofilar")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_linked_to_idporten(self) -> bool:
        return bool(self.idporten_pid_digest)
