"""What each failure means to a person, and what to do next: the catalogue, as data.

Keys are AWS's error codes where AWS sends one, and credcheck's own names (CamelCase, no
AWS code of that name exists) for what happens before or around AWS: the network, proxies,
unreadable answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import N_


@dataclass(frozen=True)
class Explanation:
    """A failure in our own words."""

    title: str
    meaning: str
    causes: tuple[str, ...]
    next_steps: tuple[str, ...]


CATALOGUE: dict[str, Explanation] = {
    "InvalidClientTokenId": Explanation(
        title=N_("AWS does not recognise this access key"),
        meaning=N_("No active access key with this ID exists where the request was sent."),
        causes=(
            N_("The key was deleted or deactivated (Inactive) in IAM."),
            N_(
                "The key belongs to another partition: AWS China or GovCloud keys fail on the "
                "standard partition, and the other way round."
            ),
            N_("The key ID was mistyped or cut short while copying."),
            N_(
                "For temporary (ASIA) keys: the session token is wrong, cut short, or belongs to "
                "another key."
            ),
            N_("A session token was sent with a long-term (AKIA) key, which never has one."),
        ),
        next_steps=(
            N_("Check in IAM (Users → Security credentials) that the key exists and is Active."),
            N_(
                "If the key comes from AWS China or GovCloud, choose that partition and check "
                "again."
            ),
            N_(
                "For temporary keys, copy the key ID, secret and session token again from the same "
                "source, at the same time."
            ),
        ),
    ),
    "SignatureDoesNotMatch": Explanation(
        title=N_("The secret access key does not match this key ID"),
        meaning=N_("AWS knows the key ID, but the request was signed with a different secret."),
        causes=(
            N_("The secret access key is wrong, mistyped, or cut short."),
            N_("The secret belongs to another key ID (keys rotated, or two pairs mixed up)."),
        ),
        next_steps=(
            N_(
                "Copy the secret again from the same place as the key ID; it is 40 characters long."
            ),
            N_(
                "A lost secret cannot be recovered: create a new access key in IAM and deactivate "
                "the old one."
            ),
        ),
    ),
    "ClockSkew": Explanation(
        title=N_("Clock problem: the signing time is too far from AWS's time"),
        meaning=(
            N_(
                "AWS only accepts requests signed within 15 minutes of its own time. This request "
                "was signed by the credcheck server, so it is the server's clock that is off; "
                "the credentials themselves may be fine."
            )
        ),
        causes=(
            N_(
                "The credcheck server's clock is wrong (no NTP, a paused or restored virtual "
                "machine, or a wrong time zone setting)."
            ),
        ),
        next_steps=(
            N_("Ask whoever runs this credcheck server to synchronise its clock (NTP)."),
            N_("Check again once the clock is right; until then every check will fail this way."),
        ),
    ),
    "ExpiredToken": Explanation(
        title=N_("These temporary credentials have expired"),
        meaning=N_("The session token was valid once, but its lifetime is over."),
        causes=(
            N_(
                "Temporary credentials last from 15 minutes to 36 hours, depending on how they "
                "were issued; these are past that."
            ),
        ),
        next_steps=(
            N_(
                "Get fresh credentials from the same source (aws sso login, the IAM Identity "
                "Center portal, sts assume-role) and check those."
            ),
        ),
    ),
    "RequestExpired": Explanation(
        title=N_("The request arrived too late"),
        meaning=N_("The signed request was older than AWS accepts when it arrived."),
        causes=(N_("The credcheck server's clock is off, or the request was held up on its way."),),
        next_steps=(
            N_("Check again; if it keeps happening, have the server's clock synchronised (NTP)."),
        ),
    ),
    "IncompleteSignature": Explanation(
        title=N_("The request signature is malformed"),
        meaning=N_("AWS could not read the signature: part of it is missing or in the wrong form."),
        causes=(
            N_("The access key ID contains characters AWS does not expect (such as a slash)."),
            N_("Something between credcheck and AWS rewrote the request's headers."),
        ),
        next_steps=(
            N_("Copy the key ID again; it is 20 characters of A–Z and 0–9."),
            N_("If the key ID is right, a proxy may be altering requests: check without it."),
        ),
    ),
    "MissingAuthenticationToken": Explanation(
        title=N_("The request reached AWS unsigned"),
        meaning=N_("AWS received a request with no signature or credentials at all."),
        causes=(
            N_("A proxy between credcheck and AWS stripped the Authorization header."),
            N_("The endpoint address is not an AWS STS endpoint."),
        ),
        next_steps=(
            N_("Check the proxy settings of the credcheck server, and the endpoint shown below."),
        ),
    ),
    "AccessDenied": Explanation(
        title=N_("Access was denied, though this call needs no permission"),
        meaning=(
            N_(
                "GetCallerIdentity needs no IAM permission, and an IAM policy that denies it does "
                "not stop it. A denial here comes from outside the identity's own policies."
            )
        ),
        causes=(
            N_("A VPC endpoint policy on the STS endpoint the request went through."),
            N_(
                "An organisation's service or resource control policy, or a permissions boundary "
                "applied by other means."
            ),
            N_("A proxy or firewall answering in AWS's place."),
        ),
        next_steps=(
            N_(
                "Note the RequestId below and ask the account's administrators which policy "
                "denied it."
            ),
            N_("Try another region's endpoint, to see whether one network path is the cause."),
        ),
    ),
    "InternalFailure": Explanation(
        title=N_("AWS had an internal error"),
        meaning=N_("STS failed on its side; this says nothing about the credentials."),
        causes=(N_("A passing failure inside AWS."),),
        next_steps=(
            N_("Check again in a minute. If it persists, check the AWS Health Dashboard."),
        ),
    ),
    "ServiceUnavailable": Explanation(
        title=N_("AWS STS is temporarily unavailable"),
        meaning=N_(
            "STS could not take the request just now; this says nothing about the credentials."
        ),
        causes=(N_("A temporary outage or overload of STS in this region."),),
        next_steps=(
            N_("Check again in a minute, or choose another region."),
            N_("If it persists, check the AWS Health Dashboard."),
        ),
    ),
    "Throttling": Explanation(
        title=N_("Too many requests: AWS is rate-limiting these calls"),
        meaning=N_("STS refused the call because too many were made in a short time."),
        causes=(
            N_(
                "Many calls with credentials of the same account at once, from credcheck or "
                "elsewhere."
            ),
        ),
        next_steps=(N_("Wait a few seconds and check again."),),
    ),
    "RegionDisabledException": Explanation(
        title=N_("STS is not activated in this region for this account"),
        meaning=(
            N_(
                "The credentials may be fine, but the account has turned off STS in the region "
                "the request was sent to."
            )
        ),
        causes=(N_("An administrator deactivated STS in this region (IAM → Account settings)."),),
        next_steps=(
            N_("Choose us-east-1 (always active) or another region and check again."),
            N_("Ask an administrator to activate STS in this region if it is needed there."),
        ),
    ),
    "OptInRequired": Explanation(
        title=N_("The account has not opted in to this region"),
        meaning=N_("The region is one that accounts must enable before use, and this one has not."),
        causes=(N_("The chosen region is an opt-in region not enabled for this account."),),
        next_steps=(
            N_("Choose a default region such as us-east-1 and check again."),
            N_("Enable the region in the account settings if it is needed."),
        ),
    ),
    "InvalidAction": Explanation(
        title=N_("The endpoint does not know GetCallerIdentity"),
        meaning=N_("The server that answered does not offer this STS action."),
        causes=(
            N_(
                "The endpoint is not AWS STS (a misconfigured endpoint URL or an emulator that "
                "lacks the action)."
            ),
        ),
        next_steps=(N_("Check the endpoint shown below and the endpoint settings of the server."),),
    ),
    # --- the answer came over HTTP, but not from STS as we know it ---
    "ProxyOrGatewayError": Explanation(
        title=N_("A proxy or gateway on the way to AWS failed"),
        meaning=(
            N_(
                "The answer was an HTTP error page, not an AWS error: something between credcheck "
                "and AWS (a proxy, load balancer or gateway) answered instead of STS."
            )
        ),
        causes=(
            N_("A corporate proxy or firewall could not reach AWS, or timed out."),
            N_("The endpoint URL points at something other than STS."),
        ),
        next_steps=(
            N_("Check again in a minute."),
            N_("If it persists, ask whoever runs the proxy, or check the server's HTTPS_PROXY."),
        ),
    ),
    "UnexpectedHttpError": Explanation(
        title=N_("An unexpected HTTP error, not from AWS"),
        meaning=N_("The answer was an HTTP error that STS does not send in this form."),
        causes=(
            N_("A proxy refused the request (for example it requires its own login: HTTP 407)."),
            N_("A firewall blocked the request."),
        ),
        next_steps=(N_("Check the server's proxy settings, or try from another network."),),
    ),
    "NotStsResponse": Explanation(
        title=N_("Something other than AWS answered"),
        meaning=(
            N_(
                "The request got an answer that is not STS's: typically a captive portal, a "
                "firewall's block page, or a login page of the network."
            )
        ),
        causes=(
            N_(
                "The network requires a sign-in (hotel, guest Wi-Fi) or a firewall intercepted "
                "the request."
            ),
            N_("The endpoint URL points at a web server that is not STS."),
        ),
        next_steps=(
            N_(
                "Open any web page from the credcheck server's network to clear a portal, then "
                "check again."
            ),
            N_("Check the endpoint shown below."),
        ),
    ),
    "UnreadableResponse": Explanation(
        title=N_("The answer could not be read"),
        meaning=N_("An answer came back, but not in a form STS uses, so nothing can be concluded."),
        causes=(N_("A proxy or other server answered in STS's place."),),
        next_steps=(N_("Check the endpoint and proxy settings of the server, then check again."),),
    ),
    # --- the request was never sent ---
    "MissingCredentials": Explanation(
        title=N_("Both the access key ID and the secret access key are needed"),
        meaning=N_(
            "A check is signed only with the credentials given, so nothing was sent to AWS."
        ),
        causes=(N_("The key ID or the secret access key is empty."),),
        next_steps=(N_("Paste both, and the session token for temporary (ASIA) keys."),),
    ),
    # --- the request never got an answer ---
    "EndpointConnectionError": Explanation(
        title=N_("Could not connect to AWS"),
        meaning=N_("credcheck could not open a connection to the STS endpoint."),
        causes=(
            N_("The server has no route to the internet, or a firewall blocks outgoing HTTPS."),
            N_("The endpoint URL is wrong, or nothing listens there."),
        ),
        next_steps=(
            N_("Check the server's network and the endpoint shown below."),
            N_("If the server must use a proxy, set HTTPS_PROXY for it."),
        ),
    ),
    "DnsFailure": Explanation(
        title=N_("The endpoint's name could not be resolved"),
        meaning=N_("DNS gave no address for the STS endpoint, so no request was sent."),
        causes=(
            N_("The server's DNS is broken or blocks outside names."),
            N_("The endpoint URL has a typo."),
        ),
        next_steps=(N_("Check the server's DNS settings and the endpoint shown below."),),
    ),
    "ConnectTimeout": Explanation(
        title=N_("Connecting to AWS timed out"),
        meaning=N_("No connection could be opened in time: the request never reached AWS."),
        causes=(
            N_("A firewall silently drops outgoing connections."),
            N_("The network is down or very slow."),
        ),
        next_steps=(N_("Check the server's network and firewall, then check again."),),
    ),
    "ReadTimeout": Explanation(
        title=N_("AWS did not answer in time"),
        meaning=(
            N_(
                "The connection was made, but no answer came in time; nothing can be said about "
                "the credentials."
            )
        ),
        causes=(
            N_("A proxy or firewall accepted the connection and held it."),
            N_("The endpoint is overloaded or not an STS endpoint."),
        ),
        next_steps=(N_("Check again in a minute; if it persists, check the network path."),),
    ),
    "TlsError": Explanation(
        title=N_("The secure connection to AWS failed"),
        meaning=(
            N_(
                "The TLS certificate presented was not trusted, so credcheck stopped before "
                "sending anything."
            )
        ),
        causes=(
            N_("An intercepting (TLS-inspecting) proxy presents its own certificate."),
            N_("The server lacks up-to-date CA certificates, or its clock is far off."),
        ),
        next_steps=(
            N_(
                "If the network inspects TLS, give the server the proxy's CA bundle "
                "(AWS_CA_BUNDLE)."
            ),
            N_("Otherwise update the server's CA certificates and check its clock."),
        ),
    ),
    "ProxyConnectionError": Explanation(
        title=N_("Could not connect to the proxy"),
        meaning=N_("The server is configured to use a proxy, and that proxy could not be reached."),
        causes=(N_("The proxy in HTTPS_PROXY is down, or its address is wrong."),),
        next_steps=(N_("Check the server's HTTPS_PROXY setting and the proxy itself."),),
    ),
    "ConnectionClosed": Explanation(
        title=N_("The connection was closed before an answer came"),
        meaning=N_(
            "The other end hung up without answering: nothing is known about the credentials."
        ),
        causes=(N_("A proxy or firewall cut the connection."), N_("A passing network failure.")),
        next_steps=(N_("Check again; if it persists, check the network path and proxy."),),
    ),
    "Unknown": Explanation(
        title=N_("AWS refused the credentials for a reason credcheck does not know"),
        meaning=N_(
            "The error code and message below are AWS's own words; they say what went wrong."
        ),
        causes=(N_("A failure credcheck has no explanation for yet."),),
        next_steps=(
            N_("Read AWS's message below and search the code in the AWS documentation."),
            N_("Keep the RequestId: AWS Support can look the request up with it."),
        ),
    ),
}


def explain(key: str) -> Explanation:
    """The explanation for a catalogue key, or the generic one for anything unknown."""
    return CATALOGUE.get(key, CATALOGUE["Unknown"])
