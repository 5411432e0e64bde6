"""What each failure means to a person, and what to do next: the catalogue, as data.

Keys are AWS's error codes where AWS sends one, and credcheck's own names (CamelCase, no
AWS code of that name exists) for what happens before or around AWS: the network, proxies,
unreadable answers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """A failure in our own words."""

    title: str
    meaning: str
    causes: tuple[str, ...]
    next_steps: tuple[str, ...]


CATALOGUE: dict[str, Explanation] = {
    "InvalidClientTokenId": Explanation(
        title="AWS does not recognise this access key",
        meaning="No active access key with this ID exists where the request was sent.",
        causes=(
            "The key was deleted or deactivated (Inactive) in IAM.",
            "The key belongs to another partition: AWS China or GovCloud keys fail on the "
            "standard partition, and the other way round.",
            "The key ID was mistyped or cut short while copying.",
            "For temporary (ASIA) keys: the session token is wrong, cut short, or belongs to "
            "another key.",
            "A session token was sent with a long-term (AKIA) key, which never has one.",
        ),
        next_steps=(
            "Check in IAM (Users → Security credentials) that the key exists and is Active.",
            "If the key comes from AWS China or GovCloud, choose that partition and check again.",
            "For temporary keys, copy the key ID, secret and session token again from the same "
            "source, at the same time.",
        ),
    ),
    "SignatureDoesNotMatch": Explanation(
        title="The secret access key does not match this key ID",
        meaning="AWS knows the key ID, but the request was signed with a different secret.",
        causes=(
            "The secret access key is wrong, mistyped, or cut short.",
            "The secret belongs to another key ID (keys rotated, or two pairs mixed up).",
        ),
        next_steps=(
            "Copy the secret again from the same place as the key ID; it is 40 characters long.",
            "A lost secret cannot be recovered: create a new access key in IAM and deactivate "
            "the old one.",
        ),
    ),
    "ClockSkew": Explanation(
        title="Clock problem: the signing time is too far from AWS's time",
        meaning=(
            "AWS only accepts requests signed within 15 minutes of its own time. This request "
            "was signed by the credcheck server, so it is the server's clock that is off; "
            "the credentials themselves may be fine."
        ),
        causes=(
            "The credcheck server's clock is wrong (no NTP, a paused or restored virtual "
            "machine, or a wrong time zone setting).",
        ),
        next_steps=(
            "Ask whoever runs this credcheck server to synchronise its clock (NTP).",
            "Check again once the clock is right; until then every check will fail this way.",
        ),
    ),
    "ExpiredToken": Explanation(
        title="These temporary credentials have expired",
        meaning="The session token was valid once, but its lifetime is over.",
        causes=(
            "Temporary credentials last from 15 minutes to 36 hours, depending on how they "
            "were issued; these are past that.",
        ),
        next_steps=(
            "Get fresh credentials from the same source (aws sso login, the IAM Identity "
            "Center portal, sts assume-role) and check those.",
        ),
    ),
    "RequestExpired": Explanation(
        title="The request arrived too late",
        meaning="The signed request was older than AWS accepts when it arrived.",
        causes=("The credcheck server's clock is off, or the request was held up on its way.",),
        next_steps=(
            "Check again; if it keeps happening, have the server's clock synchronised (NTP).",
        ),
    ),
    "IncompleteSignature": Explanation(
        title="The request signature is malformed",
        meaning="AWS could not read the signature: part of it is missing or in the wrong form.",
        causes=(
            "The access key ID contains characters AWS does not expect (such as a slash).",
            "Something between credcheck and AWS rewrote the request's headers.",
        ),
        next_steps=(
            "Copy the key ID again; it is 20 characters of A–Z and 0–9.",
            "If the key ID is right, a proxy may be altering requests: check without it.",
        ),
    ),
    "MissingAuthenticationToken": Explanation(
        title="The request reached AWS unsigned",
        meaning="AWS received a request with no signature or credentials at all.",
        causes=(
            "A proxy between credcheck and AWS stripped the Authorization header.",
            "The endpoint address is not an AWS STS endpoint.",
        ),
        next_steps=(
            "Check the proxy settings of the credcheck server, and the endpoint shown below.",
        ),
    ),
    "AccessDenied": Explanation(
        title="Access was denied, though this call needs no permission",
        meaning=(
            "GetCallerIdentity needs no IAM permission, and an IAM policy that denies it does "
            "not stop it. A denial here comes from outside the identity's own policies."
        ),
        causes=(
            "A VPC endpoint policy on the STS endpoint the request went through.",
            "An organisation's service or resource control policy, or a permissions boundary "
            "applied by other means.",
            "A proxy or firewall answering in AWS's place.",
        ),
        next_steps=(
            "Note the RequestId below and ask the account's administrators which policy denied it.",
            "Try another region's endpoint, to see whether one network path is the cause.",
        ),
    ),
    "InternalFailure": Explanation(
        title="AWS had an internal error",
        meaning="STS failed on its side; this says nothing about the credentials.",
        causes=("A passing failure inside AWS.",),
        next_steps=("Check again in a minute. If it persists, check the AWS Health Dashboard.",),
    ),
    "ServiceUnavailable": Explanation(
        title="AWS STS is temporarily unavailable",
        meaning="STS could not take the request just now; this says nothing about the credentials.",
        causes=("A temporary outage or overload of STS in this region.",),
        next_steps=(
            "Check again in a minute, or choose another region.",
            "If it persists, check the AWS Health Dashboard.",
        ),
    ),
    "Throttling": Explanation(
        title="Too many requests: AWS is rate-limiting these calls",
        meaning="STS refused the call because too many were made in a short time.",
        causes=(
            "Many calls with credentials of the same account at once, from credcheck or elsewhere.",
        ),
        next_steps=("Wait a few seconds and check again.",),
    ),
    "RegionDisabledException": Explanation(
        title="STS is not activated in this region for this account",
        meaning=(
            "The credentials may be fine, but the account has turned off STS in the region "
            "the request was sent to."
        ),
        causes=("An administrator deactivated STS in this region (IAM → Account settings).",),
        next_steps=(
            "Choose us-east-1 (always active) or another region and check again.",
            "Ask an administrator to activate STS in this region if it is needed there.",
        ),
    ),
    "OptInRequired": Explanation(
        title="The account has not opted in to this region",
        meaning="The region is one that accounts must enable before use, and this one has not.",
        causes=("The chosen region is an opt-in region not enabled for this account.",),
        next_steps=(
            "Choose a default region such as us-east-1 and check again.",
            "Enable the region in the account settings if it is needed.",
        ),
    ),
    "InvalidAction": Explanation(
        title="The endpoint does not know GetCallerIdentity",
        meaning="The server that answered does not offer this STS action.",
        causes=(
            "The endpoint is not AWS STS (a misconfigured endpoint URL or an emulator that "
            "lacks the action).",
        ),
        next_steps=("Check the endpoint shown below and the endpoint settings of the server.",),
    ),
    # --- the answer came over HTTP, but not from STS as we know it ---
    "ProxyOrGatewayError": Explanation(
        title="A proxy or gateway on the way to AWS failed",
        meaning=(
            "The answer was an HTTP error page, not an AWS error: something between credcheck "
            "and AWS (a proxy, load balancer or gateway) answered instead of STS."
        ),
        causes=(
            "A corporate proxy or firewall could not reach AWS, or timed out.",
            "The endpoint URL points at something other than STS.",
        ),
        next_steps=(
            "Check again in a minute.",
            "If it persists, ask whoever runs the proxy, or check the server's HTTPS_PROXY.",
        ),
    ),
    "UnexpectedHttpError": Explanation(
        title="An unexpected HTTP error, not from AWS",
        meaning="The answer was an HTTP error that STS does not send in this form.",
        causes=(
            "A proxy refused the request (for example it requires its own login: HTTP 407).",
            "A firewall blocked the request.",
        ),
        next_steps=("Check the server's proxy settings, or try from another network.",),
    ),
    "NotStsResponse": Explanation(
        title="Something other than AWS answered",
        meaning=(
            "The request got an answer that is not STS's: typically a captive portal, a "
            "firewall's block page, or a login page of the network."
        ),
        causes=(
            "The network requires a sign-in (hotel, guest Wi-Fi) or a firewall intercepted "
            "the request.",
            "The endpoint URL points at a web server that is not STS.",
        ),
        next_steps=(
            "Open any web page from the credcheck server's network to clear a portal, then "
            "check again.",
            "Check the endpoint shown below.",
        ),
    ),
    "UnreadableResponse": Explanation(
        title="The answer could not be read",
        meaning="An answer came back, but not in a form STS uses, so nothing can be concluded.",
        causes=("A proxy or other server answered in STS's place.",),
        next_steps=("Check the endpoint and proxy settings of the server, then check again.",),
    ),
    # --- the request was never sent ---
    "MissingCredentials": Explanation(
        title="Both the access key ID and the secret access key are needed",
        meaning="A check is signed only with the credentials given, so nothing was sent to AWS.",
        causes=("The key ID or the secret access key is empty.",),
        next_steps=("Paste both, and the session token for temporary (ASIA) keys.",),
    ),
    # --- the request never got an answer ---
    "EndpointConnectionError": Explanation(
        title="Could not connect to AWS",
        meaning="credcheck could not open a connection to the STS endpoint.",
        causes=(
            "The server has no route to the internet, or a firewall blocks outgoing HTTPS.",
            "The endpoint URL is wrong, or nothing listens there.",
        ),
        next_steps=(
            "Check the server's network and the endpoint shown below.",
            "If the server must use a proxy, set HTTPS_PROXY for it.",
        ),
    ),
    "DnsFailure": Explanation(
        title="The endpoint's name could not be resolved",
        meaning="DNS gave no address for the STS endpoint, so no request was sent.",
        causes=(
            "The server's DNS is broken or blocks outside names.",
            "The endpoint URL has a typo.",
        ),
        next_steps=("Check the server's DNS settings and the endpoint shown below.",),
    ),
    "ConnectTimeout": Explanation(
        title="Connecting to AWS timed out",
        meaning="No connection could be opened in time: the request never reached AWS.",
        causes=(
            "A firewall silently drops outgoing connections.",
            "The network is down or very slow.",
        ),
        next_steps=("Check the server's network and firewall, then check again.",),
    ),
    "ReadTimeout": Explanation(
        title="AWS did not answer in time",
        meaning=(
            "The connection was made, but no answer came in time; nothing can be said about "
            "the credentials."
        ),
        causes=(
            "A proxy or firewall accepted the connection and held it.",
            "The endpoint is overloaded or not an STS endpoint.",
        ),
        next_steps=("Check again in a minute; if it persists, check the network path.",),
    ),
    "TlsError": Explanation(
        title="The secure connection to AWS failed",
        meaning=(
            "The TLS certificate presented was not trusted, so credcheck stopped before "
            "sending anything."
        ),
        causes=(
            "An intercepting (TLS-inspecting) proxy presents its own certificate.",
            "The server lacks up-to-date CA certificates, or its clock is far off.",
        ),
        next_steps=(
            "If the network inspects TLS, give the server the proxy's CA bundle (AWS_CA_BUNDLE).",
            "Otherwise update the server's CA certificates and check its clock.",
        ),
    ),
    "ProxyConnectionError": Explanation(
        title="Could not connect to the proxy",
        meaning="The server is configured to use a proxy, and that proxy could not be reached.",
        causes=("The proxy in HTTPS_PROXY is down, or its address is wrong.",),
        next_steps=("Check the server's HTTPS_PROXY setting and the proxy itself.",),
    ),
    "ConnectionClosed": Explanation(
        title="The connection was closed before an answer came",
        meaning="The other end hung up without answering: nothing is known about the credentials.",
        causes=("A proxy or firewall cut the connection.", "A passing network failure."),
        next_steps=("Check again; if it persists, check the network path and proxy.",),
    ),
    "Unknown": Explanation(
        title="AWS refused the credentials for a reason credcheck does not know",
        meaning="The error code and message below are AWS's own words; they say what went wrong.",
        causes=("A failure credcheck has no explanation for yet.",),
        next_steps=(
            "Read AWS's message below and search the code in the AWS documentation.",
            "Keep the RequestId: AWS Support can look the request up with it.",
        ),
    ),
}


def explain(key: str) -> Explanation:
    """The explanation for a catalogue key, or the generic one for anything unknown."""
    return CATALOGUE.get(key, CATALOGUE["Unknown"])
