"""Who django-axes counts failed logins against: a username from a client address.

Axes locks the combination of username and address (settings.AXES_LOCKOUT_PARAMETERS), so
an attacker guessing an editor's password locks only themselves out. That holds only if the
address is the client's: behind a reverse proxy every request comes from the proxy, and
trusting X-Forwarded-For from anybody would let a client pick any address it likes. So the
header is read only when the request comes from a proxy listed in TRUSTED_PROXIES, and then
the address is the nearest one in the chain that is not itself a trusted proxy.
"""

import ipaddress

from django.conf import settings

# AccessAttempt.username is a varchar(255); no account name is longer than the user model's.
USERNAME_MAX_LENGTH = 150


def _is_trusted_proxy(address):
    try:
        address = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(address in network for network in trusted_networks())


def trusted_networks():
    return [
        ipaddress.ip_network(proxy.strip(), strict=False)
        for proxy in getattr(settings, "TRUSTED_PROXIES", [])
    ]


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the forwarded address a trusted proxy vouches for."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    # Each proxy appends the address it received the request from: read from the right and
    # stop at the first address that is not one of ours.
    for hop in reversed([hop.strip() for hop in forwarded.split(",") if hop.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return remote  # a forged or garbled header: the proxy is all we know
        if not _is_trusted_proxy(hop):
            return hop
    return remote


def login_username(request, credentials=None):
    """The username tried, cut to what any account could have (a 10,000-character one was a 500)."""
    if credentials:
        username = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        username = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    if not isinstance(username, str):
        return username
    # PostgreSQL refuses NUL in text: a NUL typed as a username must not turn into a 500.
    return username.replace("\x00", "")[:USERNAME_MAX_LENGTH]
