"""What API Gateway's ``$input``, ``$util`` and ``$context`` offer to mapping templates.

Taken from the API Gateway developer guide's variable reference (REST APIs). A ``None`` leaf
is a plain value; ``OPEN`` marks a map whose keys are the user's (authorizer context, header
names of an override ...).
"""

from __future__ import annotations

OPEN: dict = {}

#: method name → allowed argument counts.
INPUT_METHODS: dict[str, tuple[int, ...]] = {"json": (1,), "path": (1,), "params": (0, 1)}
INPUT_PROPERTIES = ("body",)

UTIL_METHODS: dict[str, tuple[int, ...]] = {
    "escapeJavaScript": (1,), "parseJson": (1,), "urlEncode": (1,), "urlDecode": (1,),
    "base64Encode": (1,), "base64Decode": (1,),
}

#: AppSync resolver helpers people carry over; API Gateway's ``$util`` has none of them.
APPSYNC_UTIL = frozenset({
    "toJson", "toJsonPretty", "qr", "quiet", "autoId", "autoUlid", "autoKsuid", "error",
    "appendError", "unauthorized", "validate", "isNull", "isNullOrEmpty", "isNullOrBlank",
    "defaultIfNull", "defaultIfNullOrEmpty", "defaultIfNullOrBlank", "isString", "isNumber",
    "isBoolean", "isList", "isMap", "typeOf", "matches", "authType",
    "time", "dynamodb", "list", "map", "str", "math", "transform", "rds", "http", "xml",
})

_CLIENT_CERT = {
    "clientCertPem": None, "subjectDN": None, "issuerDN": None, "serialNumber": None,
    "validity": {"notBefore": None, "notAfter": None},
}

_IDENTITY = {
    name: None
    for name in (
        "accountId", "apiKey", "apiKeyId", "caller", "cognitoAuthenticationProvider",
        "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
        "principalOrgId", "sourceIp", "vpcId", "vpceId", "user", "userAgent", "userArn",
    )
} | {"clientCert": _CLIENT_CERT}

#: The ``$context`` tree of a REST API mapping template (WebSocket names included).
CONTEXT: dict = {
    name: None
    for name in (
        "accountId", "apiId", "awsEndpointRequestId", "deploymentId", "domainName",
        "domainPrefix", "extendedRequestId", "httpMethod", "isCanaryRequest", "path", "protocol",
        "requestId", "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "stage",
        "wafResponseCode", "webaclArn",
        # WebSocket APIs
        "connectionId", "connectedAt", "eventType", "messageId", "messageDirection", "routeKey",
        "status",
    )
} | {
    "authorizer": OPEN,
    "identity": _IDENTITY,
    "requestOverride": {"header": OPEN, "path": OPEN, "querystring": OPEN},
    "responseOverride": {"header": OPEN, "status": None},
}

#: Only gateway responses (and access logs) see ``$context.error``.
GATEWAY_ERROR = {"message": None, "messageString": None, "responseType": None, "validationErrorString": None}

#: ``$context`` of a gateway response: the mapping-template tree plus ``error``.
GATEWAY_CONTEXT: dict = CONTEXT | {"error": GATEWAY_ERROR}

#: Map-valued ``$context`` entries: printing them gives Java's ``{k=v}`` text.
CONTEXT_MAPS = frozenset({
    (), ("identity",), ("identity", "clientCert"), ("identity", "clientCert", "validity"),
    ("authorizer",), ("requestOverride",), ("requestOverride", "header"),
    ("requestOverride", "path"), ("requestOverride", "querystring"), ("responseOverride",),
    ("responseOverride", "header"),
})
