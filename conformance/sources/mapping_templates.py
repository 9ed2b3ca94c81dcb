"""Realistic API Gateway mapping templates, rendered against full proxy events."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

from vtl.apigateway.events import event as make_event

from . import Cases

ORDER = {
    "orderId": "o-123",
    "customer": {"name": "Zoë O'Neil", "email": "zoe@example.com", "vip": True},
    "items": [
        {"sku": "A-1", "qty": 2, "price": 9.99, "tags": ["new"]},
        {"sku": "B-2", "qty": 1, "price": 120, "tags": []},
    ],
    "note": "leave at \"door\"\nthanks",
    "coupon": None,
}
EVENT = {
    "resource": "/orders/{id}",
    "path": "/orders/o-123",
    "httpMethod": "POST",
    "headers": {"Content-Type": "application/json", "X-Trace": "t-1", "Authorization": "Bearer x"},
    "queryStringParameters": {"dryRun": "true", "fields": "a,b"},
    "pathParameters": {"id": "o-123"},
    "stageVariables": {"table": "orders-dev", "queue": "https://sqs/q"},
    "requestContext": {
        "stage": "dev", "requestId": "r-42", "httpMethod": "POST", "resourcePath": "/orders/{id}",
        "accountId": "123456789012", "apiId": "abc123", "path": "/dev/orders/o-123",
        "identity": {"sourceIp": "198.51.100.7", "userAgent": "agent/1.0"},
        "authorizer": {"principalId": "user-9", "claims": {"email": "zoe@example.com", "sub": "s-1"}, "tier": "gold"},
    },
    "body": json.dumps(ORDER, indent=2),
}

TEMPLATES = {
    "passthrough": """##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "account-id" : "$context.identity.accountId",
    "api-id" : "$context.apiId",
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "source-ip" : "$context.identity.sourceIp",
    "user-agent" : "$context.identity.userAgent",
    "request-id" : "$context.requestId",
    "resource-path" : "$context.resourcePath"
    }
}
""",
    "dynamodb-put": """#set($o = $input.path('$'))
{
  "TableName": "$stageVariables.table",
  "Item": {
    "pk": {"S": "ORDER#$input.params('id')"},
    "customer": {"S": "$util.escapeJavaScript($o.customer.name).replaceAll("\\\\'", "'")"},
    "vip": {"BOOL": $o.customer.vip},
    "items": {"L": [
      #foreach($item in $o.items)
      {"M": {"sku": {"S": "$item.sku"}, "qty": {"N": "$item.qty"}, "price": {"N": "$item.price"}}}#if($foreach.hasNext),#end

      #end
    ]}#if($o.coupon),
    "coupon": {"S": "$o.coupon"}#end

  }
}""",
    "sqs-send": """Action=SendMessage&MessageBody=$util.urlEncode($input.body)&MessageAttribute.1.Name=trace&MessageAttribute.1.Value.StringValue=$util.urlEncode($input.params('X-Trace'))&MessageAttribute.1.Value.DataType=String""",
    "kinesis-put": """{
  "StreamName": "$stageVariables.stream",
  "Data": "$util.base64Encode($input.json('$'))",
  "PartitionKey": "$input.path('$.orderId')"
}""",
    "step-functions": """#set($data = $util.escapeJavaScript($input.json('$')))
{
  "input": "$data",
  "name": "$context.requestId",
  "stateMachineArn": "arn:aws:states:us-east-1:$context.accountId:stateMachine:orders"
}""",
    "totals": """#set($o = $input.path('$'))
#set($total = 0)
#set($count = 0)
#foreach($i in $o.items)
  #set($total = $total + $i.qty * $i.price)
  #set($count = $count + $i.qty)
#end
{"order": "$o.orderId", "count": $count, "total": $total, "lines": $o.items.size()}
""",
    "authorizer-claims": """{
  "principal": "$context.authorizer.principalId",
  "email": "$context.authorizer.claims.email",
  "tier": "$context.authorizer.tier",
  "claims": "$context.authorizer.claims",
  "missing": "$context.authorizer.claims.nope"
}""",
    "query-flags": """#set($dry = $input.params('dryRun') == 'true')
#set($fields = $input.params('fields').split(','))
{"dryRun": $dry, "fieldCount": $fields.size(), "first": "$fields[0]"#if($input.params('absent') == ""), "absent": true#end}""",
    "conditional-status": """#set($o = $input.path('$'))
#if($o.items.size() > 1)
#set($context.responseOverride.status = 202)
#set($context.responseOverride.header.X-Lines = "$o.items.size()")
{"accepted": true}
#else
{"accepted": false}
#end""",
    "note-escaping": """{"note": "$util.escapeJavaScript($input.path('$.note'))", "raw": $input.json('$.note')}""",
    "xml-body": """<?xml version="1.0" encoding="UTF-8"?>
<order id="$input.params('id')">
#foreach($i in $input.path('$.items'))
  <item sku="$i.sku" qty="$i.qty">#foreach($t in $i.tags)<tag>$t</tag>#end</item>
#end
</order>""",
    "header-override": """#set($context.requestOverride.header.X-Trace = "$input.params('X-Trace')-fwd")
#set($context.requestOverride.querystring.page = "1")
$input.json('$.customer')""",
    "map-keys-loop": """#set($c = $input.path('$.customer'))
{#foreach($k in $c.keySet())"$k": "$c.get($k)"#if($foreach.hasNext), #end#end}""",
    "json-array-out": """[#foreach($i in $input.path('$.items'))$input.json("$.items[$foreach.index]")#if($foreach.hasNext),#end#end]""",
    "empty-checks": """#set($coupon = $input.path('$.coupon'))
#if("$!coupon" == "")no coupon#else coupon $coupon#end
#if($input.path('$.customer.vip'))vip#end
#if(!$input.path('$.missing'))missing is falsy#{else}missing is truthy#end""",
}

RESPONSE_BODY = json.dumps({
    "Items": [{"id": {"S": "1"}, "name": {"S": "a"}}, {"id": {"S": "2"}, "name": {"S": "b"}}],
    "Count": 2,
    "errorMessage": "{\"code\": 404, \"msg\": \"not found\"}",
})
RESPONSES = {
    "dynamodb-scan-out": """#set($r = $input.path('$'))
{"items": [
#foreach($it in $r.Items)
  {"id": "$it.id.S", "name": "$it.name.S"}#if($foreach.hasNext),#end

#end
], "count": $r.Count}""",
    "lambda-error-parse": """#set($err = $util.parseJson($input.path('$.errorMessage')))
#set($context.responseOverride.status = $err.code)
{"message": "$err.msg", "status": $err.code}""",
    "response-params": """$input.params()|$context.httpMethod|$input.json('$.Count')""",
}



# ---------------------------------------------------------------------------------------------
# Real integrations: the templates people write for DynamoDB, SQS, SNS, EventBridge, Step
# Functions, Kinesis, S3, Lambda (non-proxy), MOCK/CORS and form or XML bodies, rendered over
# events with Cognito and Lambda authorizers, multi-valued query strings, stage variables and
# bodies holding unicode, nulls, empty containers and every JSON number shape.
# ---------------------------------------------------------------------------------------------


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


SHOP_BODY = r"""{
  "orderId": "ord-7f3a",
  "customer": {"id": 42, "name": "José Ñúñez", "email": "jose@example.es", "tags": ["vip", "beta"], "address": null, "phone": ""},
  "items": [
    {"sku": "SKU-1", "name": "Café ☕", "price": 12.5, "qty": 2, "attrs": {}},
    {"sku": "SKU-2", "name": "Tea \"Earl Grey\"", "price": 1.0, "qty": 10, "attrs": {"size": "L", "color": null}},
    {"sku": "SKU-3", "name": "Mug's \u00e9dition", "price": 0.1, "qty": 3, "attrs": {"size": "M"}}
  ],
  "total": 1e3,
  "big": 12345678901234,
  "discount": 0.1,
  "rating": -3.75,
  "tiny": 1.5e-7,
  "count": 0,
  "gift": false,
  "express": true,
  "notes": [],
  "meta": {},
  "emoji": "😀 ok",
  "path": "a/b\\c",
  "matrix": [[1, 2], [3, [4, 5]], []],
  "coupon": null,
  "createdAt": "2024-03-09T17:45:00.123Z"
}"""
NEXT_TOKEN = _b64('{"pk":{"S":"USER#42"},"sk":{"S":"ORDER#2024-03-09"}}')
SHOP = make_event(
    body=SHOP_BODY,
    method="POST",
    path="/users/42/orders",
    resource="/users/{userId}/orders",
    headers={
        "Host": "api.example.com",
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Mozilla/5.0 (Macintosh)",
        "Accept": "application/json",
        "Accept-Language": "es-ES,es;q=0.9,en;q=0.8",
        "X-Amzn-Trace-Id": "Root=1-65ec9f2c-0e3e1b2c3d4e5f6a7b8c9d0e",
        "X-Forwarded-For": "198.51.100.7, 10.0.0.1",
        "X-Request-Id": "req-abc",
        "X-Attr-Priority": "high",
        "X-Attr-Channel": "web & mobile",
        "Idempotency-Key": "idem-0001",
        "Authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3ZDhmIn0.c2ln",
        "Origin": "https://app.example.com",
        "Content-Length": "812",
        "Cookie": "session=abc123; theme=dark",
    },
    query="dryRun=false&tag=a&tag=b&limit=10&q=caf%C3%A9+latte&empty=&nextToken=" + quote(NEXT_TOKEN, safe=""),
    path_params={"userId": "42"},
    stage_variables={
        "ordersTable": "orders-prod",
        "usersTable": "users-prod",
        "eventBus": "orders-bus",
        "queueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo",
        "topicArn": "arn:aws:sns:us-east-1:123456789012:order-events",
        "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:checkout",
        "stream": "orders-stream",
        "bucket": "orders-archive",
        "allowedOrigins": "https://app.example.com,https://admin.example.com",
        "debug": "true",
        "maxItems": "2",
    },
    authorizer={
        "claims": {
            "sub": "7d8f2c1e-11aa-4b6e-9f00-123456789abc",
            "email": "jose@example.es",
            "email_verified": "true",
            "cognito:username": "jose",
            "cognito:groups": "admin,editors",
            "custom:tenant": "acme",
            "iat": "1709999000",
            "exp": "1710002600",
        },
    },
    identity={"cognitoIdentityId": "us-east-1:0f1e2d3c", "cognitoAuthenticationType": "authenticated"},
)

CATALOG = make_event(
    method="GET",
    path="/products/electronics/items",
    resource="/products/{category}/items",
    headers={
        "Host": "api.example.com",
        "Accept": "application/xml",
        "x-api-key": "k-123",
        "If-None-Match": '"etag-1"',
        "User-Agent": "okhttp/4.9.3",
        "X-Client-Version": "3.14.1",
        "Authorization": "Basic " + _b64("alice:s3cr3t:with:colons"),
    },
    query={"sort": "-price", "tag": ["sale", "new", "sale"], "page": "2", "size": "25", "minPrice": "10.5",
           "fields": "id,name,price", "q": "4K TV & more", "flag": ""},
    path_params={"category": "electronics"},
    stage_variables={"backend": "https://backend.internal", "env": "staging", "pageSizeMax": "100"},
    authorizer={"principalId": "user|a1b2", "tenantId": "acme", "scopes": "read:products write:cart",
                "quota": 500, "isAdmin": True, "ratio": 0.5, "integrationLatency": 12},
)

FORM = make_event(
    method="POST",
    path="/contact",
    headers={"Host": "forms.example.com", "Content-Type": "application/x-www-form-urlencoded",
             "Referer": "https://www.example.com/contact?utm=mail", "User-Agent": "Mozilla/5.0"},
    body="name=Zo%C3%AB+O%27Neil&email=zoe%40example.com&message=Hello%2C+world%21%0AThanks+%26+bye"
         "&subscribe=on&tags=a&tags=b&empty=&amount=12.50&redirect=https%3A%2F%2Fexample.com%2Fthanks%3Fx%3D1",
    stage_variables={"topicArn": "arn:aws:sns:eu-west-1:123456789012:contact", "queueUrl": "https://sqs/q"},
)

XML_BODY = """<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
  <soap:Body>
    <GetPrice xmlns="urn:shop"><Item>Café</Item><Qty>3</Qty></GetPrice>
  </soap:Body>
</soap:Envelope>"""
SOAP = make_event(
    method="POST",
    path="/soap/price",
    headers={"Host": "legacy.example.com", "Content-Type": "text/xml; charset=utf-8", "SOAPAction": '"urn:shop#GetPrice"'},
    body=XML_BODY,
    stage_variables={"soapEndpoint": "https://legacy.internal/ws"},
)

BULK_BODY = """[
  {"id": 1, "name": "basic", "price": 5, "stock": 10, "tags": ["a"]},
  {"id": 2, "name": "pro", "price": 15.5, "stock": 0, "tags": []},
  {"id": 3, "name": "max", "price": 10, "stock": null},
  {"id": 4, "name": "free", "price": null, "stock": 1, "tags": ["b", "c"]},
  {"id": 5, "name": "élite", "price": 99.99, "stock": 3, "tags": ["a", "c"], "extra": {"k": true}}
]"""
BULK = make_event(
    method="PUT",
    path="/bulk",
    headers={"Host": "api.example.com", "Content-Type": "application/json"},
    body=BULK_BODY,
    query={"minPrice": "10"},
    stage_variables={"table": "catalog"},
)

EMPTY = make_event(method="GET", path="/health")
TEXT = make_event(method="POST", path="/echo", headers={"Content-Type": "text/plain"}, body="plain text, not JSON: 'quoted' \"double\"")
BARE_NUMBERS = make_event(method="POST", path="/calc", body='{"a": 7, "b": 2, "c": 2.5, "d": -9, "big": 9007199254740993, "huge": 123456789012345678901234567890, "e": 1E+2, "neg0": -0.0, "s": "15", "f": 0.30000000000000004}')

#: Cases that print a String[] (its identity hash is masked).
MASKED = {"string-methods"}

#: (id, event, request template) of real integrations.
REAL_REQUESTS: list[tuple[str, dict, str]] = [
    ("ddb-put-item-full", SHOP, r"""#set($o = $input.path('$'))
{
  "TableName": "$stageVariables.ordersTable",
  "Item": {
    "pk": {"S": "USER#$input.params('userId')"},
    "sk": {"S": "ORDER#$o.orderId"},
    "customerName": {"S": "$util.escapeJavaScript($o.customer.name)"},
    "tags": {"SS": [#foreach($t in $o.customer.tags)"$t"#if($foreach.hasNext),#end#end]},
    "items": {"L": [
#foreach($i in $o.items)
      {"M": {
        "sku": {"S": "$i.sku"},
        "name": {"S": "$util.escapeJavaScript($i.name).replaceAll("\\'","'")"},
        "price": {"N": "$i.price"},
        "qty": {"N": "$i.qty"},
        "attrs": {"M": {#foreach($k in $i.attrs.keySet())"$k": #if($i.attrs.get($k)){"S": "$i.attrs.get($k)"}#else{"NULL": true}#end#if($foreach.hasNext), #end#end}}
      }}#if($foreach.hasNext),#end

#end
    ]},
    "total": {"N": "$o.total"},
    "big": {"N": "$o.big"},
    "gift": {"BOOL": $o.gift},
    "express": {"BOOL": $o.express},
    "createdAt": {"N": "$context.requestTimeEpoch"},
    "requestId": {"S": "$context.requestId"}
  },
  "ConditionExpression": "attribute_not_exists(pk)"
}"""),
    ("ddb-get-item", CATALOG, r"""{
    "TableName": "products-$stageVariables.env",
    "Key": {
        "category": {"S": "$input.params('category')"},
        "sku": {"S": "$util.escapeJavaScript($input.params('q'))"}
    },
    "ProjectionExpression": "#foreach($f in $input.params('fields').split(','))$f.trim()#if($foreach.hasNext), #end#end",
    "ConsistentRead": #if($input.params('consistent') == 'true')true#{else}false#end
}"""),
    ("ddb-query-paginated", SHOP, r"""#set($limit = $input.params('limit'))
#set($token = $input.params('nextToken'))
{
  "TableName": "$stageVariables.ordersTable",
  "KeyConditionExpression": "pk = :pk AND begins_with(sk, :sk)",
  "ExpressionAttributeValues": {
    ":pk": {"S": "USER#$input.params('userId')"},
    ":sk": {"S": "ORDER#"}
  }#if($limit != ""),
  "Limit": $limit#end#if($token != ""),
  "ExclusiveStartKey": $util.base64Decode($token)#end,
  "ScanIndexForward": #if($input.params('order') == 'desc')false#{else}true#end
}"""),
    ("ddb-query-no-token", CATALOG, r"""#set($token = $input.params('nextToken'))
{
  "TableName": "products",
  "IndexName": "byCategory",
  "KeyConditionExpression": "category = :c",
  "ExpressionAttributeValues": {":c": {"S": "$input.params('category')"}},
  "Limit": #if($input.params('size') != "")$input.params('size')#{else}20#end#if($token && $token != ""),
  "ExclusiveStartKey": $util.base64Decode($token)#end

}"""),
    ("ddb-update-item-dynamic", SHOP, r"""#set($body = $input.path('$.customer'))
#set($keys = [])
#foreach($k in $body.keySet())#if($k != 'id' && $k != 'tags')#set($null = $keys.add($k))#end#end
{
  "TableName": "$stageVariables.usersTable",
  "Key": {"id": {"N": "$body.id"}},
  "UpdateExpression": "SET #foreach($k in $keys)#$k = :$k#if($foreach.hasNext), #end#end",
  "ExpressionAttributeNames": {#foreach($k in $keys)"#$k": "$k"#if($foreach.hasNext), #end#end},
  "ExpressionAttributeValues": {
#foreach($k in $keys)
#set($v = $body.get($k))
    ":$k": #if("$!v" == ""){"NULL": true}#else{"S": "$util.escapeJavaScript($v)"}#end#if($foreach.hasNext),#end

#end
  },
  "ReturnValues": "ALL_NEW"
}"""),
    ("ddb-batch-write", BULK, r"""#set($rows = $input.path('$'))
{
  "RequestItems": {
    "$stageVariables.table": [
#foreach($r in $rows)
      {"PutRequest": {"Item": {
        "id": {"N": "$r.id"},
        "name": {"S": "$r.name"},
        #if($r.price)"price": {"N": "$r.price"},#end
        "stock": #if($r.stock || $r.stock == 0){"N": "$r.stock"}#else{"NULL": true}#end,
        "tags": {"L": [#foreach($t in $r.tags){"S": "$t"}#if($foreach.hasNext), #end#end]}
      }}}#if($foreach.hasNext),#end
#end
    ]
  }
}"""),
    ("ddb-scan-filter-from-query", CATALOG, r"""#set($qs = $input.params().querystring)
#set($names = [])
#foreach($k in $qs.keySet())#if($k != 'page' && $k != 'size' && $qs.get($k) != '')#set($ok = $names.add($k))#end#end
{
  "TableName": "products",
  #if(!$names.isEmpty())"FilterExpression": "#foreach($k in $names)#$k = :$k#if($foreach.hasNext) AND #end#end",
  "ExpressionAttributeNames": {#foreach($k in $names)"#$k": "$k"#if($foreach.hasNext), #end#end},
  "ExpressionAttributeValues": {#foreach($k in $names)":$k": {"S": "$util.escapeJavaScript($qs.get($k))"}#if($foreach.hasNext), #end#end},
  #end"Limit": $qs.size
}"""),
    ("ddb-delete-item", SHOP, r"""{
  "TableName": "$stageVariables.ordersTable",
  "Key": {
    "pk": {"S": "USER#$input.params().path.userId"},
    "sk": {"S": "ORDER#$input.path('$.orderId')"}
  },
  "ConditionExpression": "#owner = :sub",
  "ExpressionAttributeNames": {"#owner": "owner"},
  "ExpressionAttributeValues": {":sub": {"S": "$context.authorizer.claims.sub"}},
  "ReturnValues": "ALL_OLD"
}"""),
    ("ddb-transact-write", SHOP, r"""#set($o = $input.path('$'))
{
  "TransactItems": [
#foreach($i in $o.items)
    {"Update": {
      "TableName": "inventory",
      "Key": {"sku": {"S": "$i.sku"}},
      "UpdateExpression": "SET stock = stock - :q",
      "ConditionExpression": "stock >= :q",
      "ExpressionAttributeValues": {":q": {"N": "$i.qty"}}
    }},
#end
    {"Put": {
      "TableName": "$stageVariables.ordersTable",
      "Item": {"pk": {"S": "ORDER#$o.orderId"}, "lines": {"N": "$o.items.size()"}, "by": {"S": "$context.authorizer.claims['cognito:username']"}}
    }}
  ],
  "ClientRequestToken": "$input.params('Idempotency-Key')"
}"""),
    ("sqs-send-message-attributes", SHOP, r"""Action=SendMessage##
&MessageBody=$util.urlEncode($input.body)##
&MessageGroupId=$util.urlEncode($input.params('userId'))##
&MessageDeduplicationId=$util.urlEncode($input.params('Idempotency-Key'))##
#set($n = 0)
#foreach($h in $input.params().header.keySet())
#if($h.toLowerCase().startsWith('x-attr-'))
#set($n = $n + 1)
&MessageAttribute.${n}.Name=$util.urlEncode($h.substring(7))&MessageAttribute.${n}.Value.StringValue=$util.urlEncode($input.params().header.get($h))&MessageAttribute.${n}.Value.DataType=String##
#end
#end
"""),
    ("sqs-json-protocol", SHOP, r"""#set($context.requestOverride.header.X-Amz-Target = "AmazonSQS.SendMessage")
#set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.0")
{
  "QueueUrl": "$stageVariables.queueUrl",
  "MessageBody": "$util.escapeJavaScript($input.body).replaceAll("\\'","'")",
  "MessageGroupId": "$input.params('userId')",
  "MessageAttributes": {
    "requestId": {"DataType": "String", "StringValue": "$context.requestId"},
    "sourceIp": {"DataType": "String", "StringValue": "$context.identity.sourceIp"},
    "lines": {"DataType": "Number", "StringValue": "$input.path('$.items').size()"}
  }
}"""),
    ("sqs-send-message-batch", BULK, r"""Action=SendMessageBatch##
#foreach($r in $input.path('$'))
#set($i = $foreach.count)
&SendMessageBatchRequestEntry.${i}.Id=msg-$r.id&SendMessageBatchRequestEntry.${i}.MessageBody=$util.urlEncode($input.json("$[$foreach.index]"))##
#end
"""),
    ("sns-publish-form", SHOP, r"""#set($subject = "Order $input.path('$.orderId') from $input.path('$.customer.name')")
Action=Publish&TopicArn=$util.urlEncode($stageVariables.topicArn)&Subject=$util.urlEncode($subject)&Message=$util.urlEncode($input.json('$'))&MessageAttributes.entry.1.Name=tenant&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=$util.urlEncode($context.authorizer.claims['custom:tenant'])&Version=2010-03-31"""),
    ("sns-publish-json-message-structure", SHOP, r"""#set($msg = "{""default"": ""$input.path('$.orderId')"", ""email"": ""New order for $input.path('$.customer.email')""}")
Action=Publish&TopicArn=$util.urlEncode($stageVariables.topicArn)&MessageStructure=json&Message=$util.urlEncode($msg)"""),
    ("eventbridge-put-events", SHOP, r"""#set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")
#set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")
{
  "Entries": [
    {
      "Source": "com.example.orders",
      "DetailType": "OrderPlaced",
      "Detail": "$util.escapeJavaScript($input.json('$')).replaceAll("\\'","'")",
      "EventBusName": "$stageVariables.eventBus",
      "Resources": ["arn:aws:execute-api:$context.accountId:$context.apiId/$context.stage"]
    }
  ]
}"""),
    ("eventbridge-entry-per-item", SHOP, r"""#set($context.requestOverride.header.X-Amz-Target = "AWSEvents.PutEvents")
#set($context.requestOverride.header.Content-Type = "application/x-amz-json-1.1")
#set($inputRoot = $input.path('$'))
{
  "Entries": [
    #foreach($elem in $inputRoot.items)
    {
      "Detail": "$util.escapeJavaScript($input.json("$.items[$foreach.index]")).replaceAll("\\'","'")",
      "DetailType": "LineItem",
      "Source": "shop.$context.stage",
      "EventBusName": "$stageVariables.eventBus"
    }#if($foreach.hasNext),#end
    #end
  ]
}"""),
    ("eventbridge-detail-built", SHOP, r"""#set($o = $input.path('$'))
#set($detail = "{""orderId"":""$o.orderId"",""user"":""$context.authorizer.claims.sub"",""total"":$o.total,""lines"":$o.items.size()}")
{"Entries":[{"Source":"shop","DetailType":"Order","Detail":"$util.escapeJavaScript($detail)","EventBusName":"$stageVariables.eventBus"}]}"""),
    ("sfn-start-execution", SHOP, r"""#set($data = $util.escapeJavaScript($input.json('$')))
{
  "input": "$data",
  "name": "$context.requestId",
  "stateMachineArn": "$stageVariables.stateMachineArn"
}"""),
    ("sfn-start-sync-with-context", SHOP, r"""#set($body = $input.json('$'))
#set($ctx = "{""user"":""$context.authorizer.claims.sub"",""groups"":""$context.authorizer.claims['cognito:groups']"",""ip"":""$context.identity.sourceIp"",""trace"":""$input.params('X-Amzn-Trace-Id')""}")
{
  "input": "{\"body\": $util.escapeJavaScript($body).replaceAll("\\'","'"), \"ctx\": $util.escapeJavaScript($ctx)}",
  "stateMachineArn": "$stageVariables.stateMachineArn",
  "traceHeader": "$input.params('X-Amzn-Trace-Id')"
}"""),
    ("sfn-input-from-query", CATALOG, r"""#set($qs = $input.params().querystring)
{
  "stateMachineArn": "arn:aws:states:us-east-1:$context.accountId:stateMachine:search",
  "input": "{#foreach($k in $qs.keySet())\"$k\": \"$util.escapeJavaScript($qs.get($k))\"#if($foreach.hasNext), #end#end}"
}"""),
    ("kinesis-put-record", SHOP, r"""{
  "StreamName": "$stageVariables.stream",
  "Data": "$util.base64Encode($input.json('$'))",
  "PartitionKey": "$input.path('$.customer.id')",
  "ExplicitHashKey": "$input.path('$.big')"
}"""),
    ("kinesis-put-records", BULK, r"""{
  "StreamName": "catalog-changes",
  "Records": [
#foreach($r in $input.path('$'))
    {"Data": "$util.base64Encode($input.json("$[$foreach.index]"))", "PartitionKey": "$r.id"}#if($foreach.hasNext),#end

#end
  ]
}"""),
    ("firehose-put-record-newline", SHOP, r"""#set($line = "$input.json('$')
")
{"DeliveryStreamName": "orders-$context.stage", "Record": {"Data": "$util.base64Encode($line)"}}"""),
    ("s3-put-object-overrides", SHOP, r"""#set($key = "orders/$input.params('userId')/$input.path('$.orderId').json")
#set($context.requestOverride.path.bucket = $stageVariables.bucket)
#set($context.requestOverride.path.key = $key)
#set($context.requestOverride.header.Content-Type = "application/json")
#set($context.requestOverride.header.x-amz-meta-user = $context.authorizer.claims.email)
$input.body"""),
    ("s3-key-from-path", CATALOG, r"""#set($cat = $input.params('category'))
#set($context.requestOverride.path.object = "catalog/$cat.toLowerCase()/page-${input.params('page')}.json")
{"key": "$context.requestOverride.path.object", "prefix": "$cat.substring(0, 4)", "len": $cat.length()}"""),
    ("lambda-nonproxy-full-passthrough", SHOP, r"""##  See https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
##  This template will pass through all parameters including path, querystring, header, stage variables, and context through to the integration endpoint via the body/payload
#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "account-id" : "$context.identity.accountId",
    "api-id" : "$context.apiId",
    "api-key" : "$context.identity.apiKey",
    "authorizer-principal-id" : "$context.authorizer.principalId",
    "caller" : "$context.identity.caller",
    "cognito-authentication-provider" : "$context.identity.cognitoAuthenticationProvider",
    "cognito-authentication-type" : "$context.identity.cognitoAuthenticationType",
    "cognito-identity-id" : "$context.identity.cognitoIdentityId",
    "cognito-identity-pool-id" : "$context.identity.cognitoIdentityPoolId",
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "source-ip" : "$context.identity.sourceIp",
    "user" : "$context.identity.user",
    "user-agent" : "$context.identity.userAgent",
    "user-arn" : "$context.identity.userArn",
    "request-id" : "$context.requestId",
    "resource-id" : "$context.resourceId",
    "resource-path" : "$context.resourcePath"
    }
}
"""),
    ("lambda-nonproxy-selected", CATALOG, r"""{
  "category": "$input.params('category')",
  "page": $input.params('page'),
  "size": #if($input.params('size') > $stageVariables.pageSizeMax)$stageVariables.pageSizeMax#else$input.params('size')#end,
  "sort": {"field": "$input.params('sort').replaceAll('^[-+]', '')", "desc": $input.params('sort').startsWith('-')},
  "principal": "$context.authorizer.principalId",
  "tenant": "$context.authorizer.tenantId",
  "scopes": [#foreach($s in $context.authorizer.scopes.split(' '))"$s"#if($foreach.hasNext),#end#end],
  "admin": $context.authorizer.isAdmin,
  "quota": "$context.authorizer.quota",
  "ratio": "$context.authorizer.ratio"
}"""),
    ("lambda-authorizer-checks", CATALOG, r"""#if($context.authorizer.isAdmin == 'true')admin#{else}user#end
#if($context.authorizer.isAdmin == true)bool-true#{else}not-bool#end
#if($context.authorizer.quota == 500)int-eq#{else}int-ne#end
#if($context.authorizer.quota == '500')str-eq#end
#set($q = $context.authorizer.quota + 1)q=$q
#set($principal = $context.authorizer.principalId.split('\|'))$principal[0]/$principal[1] ($principal.size())
#if($context.authorizer.scopes.contains('write:cart'))can-write#end
#if($context.authorizer.missing == '')missing-empty#end"""),
    ("cognito-claims", SHOP, r"""#set($claims = $context.authorizer.claims)
{
  "sub": "$claims.sub",
  "username": "$claims['cognito:username']",
  "tenant": "$claims.get('custom:tenant')",
  "groups": [#foreach($g in $claims['cognito:groups'].split(','))"$g"#if($foreach.hasNext), #end#end],
  "isAdmin": $claims['cognito:groups'].contains('admin'),
  "verified": #if($claims.email_verified == 'true')true#{else}false#end,
  "ttl": "$claims.exp - $claims.iat",
  "keys": "$claims.keySet()",
  "count": $claims.size(),
  "identity": "$context.identity.cognitoIdentityId",
  "authType": "$context.identity.cognitoAuthenticationType"
}"""),
    ("cognito-claims-loop", SHOP, r"""{#foreach($c in $context.authorizer.claims.entrySet())"$c.key.replace(':', '_')": "$c.value"#if($foreach.hasNext), #end#end}"""),
    ("multi-value-query", SHOP, r"""#set($qs = $input.params().querystring)
tag=$input.params('tag') q=$input.params('q') empty=[$input.params('empty')] keys=$qs.keySet() size=$qs.size()
#foreach($k in $qs.keySet())
$foreach.count. $k=$qs.get($k)
#end"""),
    ("params-lookup-order", SHOP, r"""userId=$input.params('userId') limit=$input.params('limit') Origin=$input.params('Origin')
lower=[$input.params('origin')] missing=[$input.params('nope')] hop=[$input.params('Content-Length')]
path=$input.params().path header-count=$input.params().header.size()
#if($input.params().header.containsKey('Cookie'))cookie=$input.params().header.Cookie.split(';')[1].trim()#end"""),
    ("headers-to-json", SHOP, r"""#set($h = $input.params().header)
{
#foreach($name in $h.keySet())
  "$name.toLowerCase()": "$util.escapeJavaScript($h.get($name))"#if($foreach.hasNext),#end

#end
}"""),
    ("header-basic-auth-decode", CATALOG, r"""#set($auth = $input.params('Authorization'))
#if($auth.startsWith('Basic '))
#set($decoded = $util.base64Decode($auth.substring(6)))
#set($parts = $decoded.split(':', 2))
{"user": "$parts[0]", "password": "$parts[1]", "n": $parts.size(), "idx": $decoded.indexOf(':')}
#else
{"error": "unsupported"}
#end"""),
    ("header-bearer-token", SHOP, r"""#set($auth = $input.params('Authorization'))
#set($token = $auth.replaceFirst('(?i)^bearer\s+', ''))
#set($segments = $token.split('\.'))
{"scheme": "$auth.substring(0, $auth.indexOf(' '))", "segments": $segments.size(), "payload": "$util.base64Decode($segments[1])"}"""),
    ("cors-preflight-mock", SHOP, r"""#set($origin = $input.params('Origin'))
#set($allowed = $stageVariables.allowedOrigins.split(','))
#set($ok = false)
#foreach($a in $allowed)#if($a == $origin)#set($ok = true)#end#end
#if($ok)
#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)
#set($context.responseOverride.header.Access-Control-Allow-Credentials = "true")
#set($context.responseOverride.header.Vary = "Origin")
#else
#set($context.responseOverride.status = 403)
#end
{"statusCode": #if($ok)200#{else}403#end}"""),
    ("validation-required-fields", SHOP, r"""#set($o = $input.path('$'))
#set($errors = [])
#if(!$o.orderId || $o.orderId == "")#set($e = $errors.add("orderId is required"))#end
#if($o.items.size() == 0)#set($e = $errors.add("items must not be empty"))#end
#if("$!o.coupon" != "")#set($e = $errors.add("coupons are closed"))#end
#if($o.customer.phone == "")#set($e = $errors.add("phone is empty"))#end
#if(!$o.customer.email.matches('^[^@\s]+@[^@\s]+\.[a-z]{2,}$'))#set($e = $errors.add("bad email"))#end
#foreach($i in $o.items)#if($i.qty <= 0 || $i.price < 0.5)#set($e = $errors.add("line $foreach.count: check qty/price ($i.qty x $i.price)"))#end#end
#if($errors.size() > 0)
#set($context.responseOverride.status = 422)
{"errors": [#foreach($e in $errors)"$util.escapeJavaScript($e)"#if($foreach.hasNext), #end#end]}
#else
$input.json('$')
#end"""),
    ("validation-stop", SHOP, r"""#if($input.params('dryRun') == 'false')
#set($context.responseOverride.status = 202)
{"accepted": "$input.path('$.orderId')"}
#stop
#end
{"dryRun": true}"""),
    ("override-status-from-body", BULK, r"""#set($rows = $input.path('$'))
#set($bad = 0)
#foreach($r in $rows)#if(!$r.price)#set($bad = $bad + 1)#end#end
#if($bad > 0)
#set($context.responseOverride.status = 400)
#set($context.responseOverride.header.X-Invalid-Rows = "$bad")
#end
{"rows": $rows.size(), "invalid": $bad}"""),
    ("override-querystring-and-path", CATALOG, r"""#set($context.requestOverride.querystring.limit = $input.params('size'))
#set($context.requestOverride.querystring.offset = "#set($p = $input.params('page'))$p")
#set($context.requestOverride.header.X-Tenant = $context.authorizer.tenantId)
#set($context.requestOverride.path.category = $input.params('category').toUpperCase())
#set($context.requestOverride.querystring['x-env'] = $stageVariables.env)
$context.requestOverride.querystring.limit/$context.requestOverride.path.category"""),
    ("override-put-calls", SHOP, r"""#set($h = $context.responseOverride.header)
#set($void = $h.put('Cache-Control', 'no-store'))
#set($void = $h.put('X-Request-Id', $input.params('X-Request-Id')))
$context.responseOverride.header.put("Location", "/users/$input.params('userId')/orders/$input.path('$.orderId')")
#set($context.responseOverride.status = 201)
done $h.size()"""),
    ("form-post-to-json", FORM, r"""#set($pairs = $input.body.split('&'))
{
#foreach($pair in $pairs)
#set($kv = $pair.split('=', 2))
#if($kv.size() == 2)
  "$util.urlDecode($kv[0])": "$util.escapeJavaScript($util.urlDecode($kv[1])).replaceAll("\\'","'")"#if($foreach.hasNext),#end

#end
#end
}"""),
    ("form-post-path-idiom", FORM, r"""#set($body = $input.path('$'))
#set($fields = {})
#foreach($p in $body.split("&"))
#set($i = $p.indexOf('='))
#set($j = $i + 1)
#set($k = $util.urlDecode($p.substring(0, $i)))
#set($v = $util.urlDecode($p.substring($j)))
#if($fields.containsKey($k))#set($x = $fields.put($k, "$fields.get($k),$v"))#else#set($x = $fields.put($k, $v))#end
#end
name=$fields.name|email=$fields.email|tags=$fields.tags|empty=[$fields.empty]|amount=$fields.amount|json=$input.json('$').length()
redirect=$fields.redirect"""),
    ("form-post-to-sns", FORM, r"""#set($f = {})
#foreach($p in $input.body.split('&'))#set($kv = $p.split('='))#if($kv.size() > 1)#set($x = $f.put($kv[0], $util.urlDecode($kv[1])))#else#set($x = $f.put($kv[0], ''))#end#end
Action=Publish&TopicArn=$util.urlEncode($stageVariables.topicArn)&Subject=$util.urlEncode("Contact from $f.name")&Message=$util.urlEncode("$f.message

-- $f.email (subscribe: $f.subscribe)")"""),
    ("soap-extract-fields", SOAP, r"""#set($xml = $input.body)
#set($from = $xml.indexOf('<Item>') + 6)
#set($item = $xml.substring($from, $xml.indexOf('</Item>')))
#set($qty = $xml.replaceAll('(?s).*<Qty>(\d+)</Qty>.*', '$1'))
{"item": "$item", "qty": $qty, "action": "$input.params('SOAPAction').replace('"', '')", "isSoap": $xml.contains('soap:Envelope'), "json": $input.json('$'), "path": "$input.path('$')"}"""),
    ("soap-build-request", SHOP, r"""#set($o = $input.path('$'))
#set($context.requestOverride.header.Content-Type = "text/xml; charset=utf-8")
#set($context.requestOverride.header.SOAPAction = "urn:orders#Create")
<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ord="urn:orders">
  <soapenv:Header><ord:RequestId>$context.requestId</ord:RequestId></soapenv:Header>
  <soapenv:Body>
    <ord:Create>
      <ord:Customer>$o.customer.name.replace('&', '&amp;').replace('<', '&lt;')</ord:Customer>
#foreach($i in $o.items)
      <ord:Line n="$foreach.count" sku="$i.sku">$i.name.replace('"', '&quot;')</ord:Line>
#end
      <ord:Gift>$o.gift</ord:Gift>
    </ord:Create>
  </soapenv:Body>
</soapenv:Envelope>"""),
    ("xml-response-to-client-like", CATALOG, r"""#set($context.responseOverride.header.Content-Type = "application/xml")
<?xml version="1.0"?>
<request>
#foreach($type in $input.params().keySet())
  <$type>
#foreach($k in $input.params().get($type).keySet())
    <param name="$k">$input.params().get($type).get($k).replace('&', '&amp;')</param>
#end
  </$type>
#end
</request>"""),
    ("jsonpath-filters", BULK, r"""cheap: $input.json('$[?(@.price < 10)].name')
pricey: $input.json("$[?(@.price > $input.params('minPrice'))].id")
instock: $input.json('$[?(@.stock > 0)]')
tagged: $input.json('$[?(@.tags)].name')
extra: $input.json('$[?(@.extra.k == true)].name')
names: $input.json('$[*].name')
last: $input.json('$[-1:]')
slice: $input.json('$[1:3].id')
len: $input.path('$.length()')
deep: $input.json('$..tags')
first-tag: $input.path('$[0].tags[0]')"""),
    ("jsonpath-on-order", SHOP, r"""$input.json('$.items[*].sku')
$input.json('$.items[?(@.price >= 1)].sku')
$input.json('$.items[?(@.attrs.size)].attrs.size')
$input.json('$.customer.tags')|$input.path('$.customer.tags')|$input.path('$.customer.tags').size()
$input.json('$.matrix[1][1]')|$input.path('$.matrix[1][1][0]')|$input.json('$.matrix[2]')
$input.json('$.meta')|$input.path('$.meta')|$input.json('$.notes')|$input.path('$.notes').size()
$input.json('$.coupon')|[$input.path('$.coupon')]|$input.json('$.nothing.here')|[$input.path('$.nothing')]
$input.path('$.items.length()')|$input.json('$.items.length()')|$input.path('$..price')
$input.json('$.items[0].name')|$input.path('$.items[0].name')|$input.json('$.path')|$input.json('$.emoji')"""),
    ("numbers-print", SHOP, r"""#set($o = $input.path('$'))
total=$o.total big=$o.big discount=$o.discount rating=$o.rating tiny=$o.tiny count=$o.count
json: $input.json('$.total') $input.json('$.big') $input.json('$.tiny') $input.json('$.items[1].price')
price1=$o.items[1].price price2=$o.items[2].price
sum=$math #set($s = $o.items[0].price + $o.items[1].price + $o.items[2].price)$s
half=#set($h = $o.big / 2)$h
times=#set($t = $o.big * 1000)$t
over=#set($v = $o.big * 1000000000)$v
mod=#set($m = $o.big % 7)$m
neg=#set($n = 0 - $o.rating)$n
cmp=#if($o.total == 1000)eq#{else}ne#end #if($o.items[1].price == 1)one#{else}not-one#end"""),
    ("totals-and-average", SHOP, r"""#set($o = $input.path('$'))
#set($sum = 0)
#set($units = 0)
#foreach($i in $o.items)
#set($line = $i.price * $i.qty)
#set($sum = $sum + $line)
#set($units = $units + $i.qty)
  $i.sku: $i.qty x $i.price = $line
#end
subtotal=$sum units=$units lines=$o.items.size()
avg-units=#set($avg = $units / $o.items.size())$avg
avg-price=#set($ap = $sum / $units)$ap
discounted=#set($d = $sum - $sum * $o.discount)$d
cents=#set($c = $sum * 100)$c
rounded=#set($r = ($sum * 100 + 0.5))#set($ri = $r.intValue())$ri / 100 -> #set($whole = $ri / 100)#set($frac = $ri % 100)$whole.#if($frac < 10)0#end$frac
int-of=$sum.intValue() long-of=$o.big.longValue() dbl-of=$units.doubleValue()"""),
    ("integer-math-from-params", CATALOG, r"""#set($page = $input.params('page'))
#set($size = $input.params('size'))
#set($p = $page.length())
offset-str=$page$size
#set($pi = 0)
#foreach($d in [1..$page.length()])#set($pi = $pi * 10)#end
offset=#set($off = ($page.hashCode() - 50) * 25)$off
parsed=$Integer.parseInt($page)
min=#set($mp = $input.params('minPrice'))$mp.length() $mp.indexOf('.') $mp.substring(0, $mp.indexOf('.'))"""),
    ("date-from-epoch", SHOP, r"""#set($ms = $context.requestTimeEpoch)
#set($secs = $ms / 1000)
#set($days = $secs / 86400)
#set($rem = $secs % 86400)
#set($hh = $rem / 3600)
#set($mm = ($rem % 3600) / 60)
#set($ss = $rem % 60)
epoch=$ms secs=$secs days=$days time=#if($hh < 10)0#end$hh:#if($mm < 10)0#end$mm:#if($ss < 10)0#end$ss
time-str=$context.requestTime day=$context.requestTime.substring(0, 2) month=$context.requestTime.split('/')[1] year=$context.requestTime.substring(7, 11)
ttl=#set($ttl = $secs + 86400 * 30)$ttl
created=$input.path('$.createdAt').substring(0, 10) $input.path('$.createdAt').replaceAll('T.*', '') $input.path('$.createdAt').split('T')[1].replace('Z', '')"""),
    ("string-methods", SHOP, r"""#set($n = $input.path('$.customer.name'))
#set($e = $input.path('$.customer.email'))
lower=$n.toLowerCase() upper=$n.toUpperCase() len=$n.length()
#set($at = $e.indexOf('@') + 1)
sub=$n.substring(0, 4) idx=$e.indexOf('@') domain=$e.substring($at) user=$e.split('@')[0]
replace=$e.replace('.', '[dot]') all=$e.replaceAll('([^@]+)@(.+)', '$2/$1') first=$e.replaceFirst('[aeiou]', '*')
matches=$e.matches('.*@example\.es') contains=$n.contains('Ñ') starts=$n.startsWith('Jo') ends=$e.endsWith('.es')
trim=[$input.path('$.emoji').trim()] split=$input.params('X-Forwarded-For').split(',\s*') limit=$e.split('[.@]', 2)
empty=$input.path('$.customer.phone').isEmpty() charAt=$n.charAt(1) last=$n.lastIndexOf('e') concat=$n.concat('!')
eq=$n.equalsIgnoreCase('josé ñúñez') cmp=$n.compareTo('Jose') fmt=$e.toUpperCase().substring(0, 1)$e.substring(1)"""),
    ("string-escaping-unicode", SHOP, r"""{
  "name": "$util.escapeJavaScript($input.path('$.customer.name'))",
  "emoji": "$util.escapeJavaScript($input.path('$.emoji'))",
  "path": "$util.escapeJavaScript($input.path('$.path'))",
  "tea": "$util.escapeJavaScript($input.path('$.items[1].name'))",
  "mug": "$util.escapeJavaScript($input.path('$.items[2].name')).replaceAll("\\'","'")",
  "enc": "$util.urlEncode($input.path('$.items[0].name'))",
  "dec": "$util.urlDecode('caf%C3%A9+%E2%98%95%21')",
  "b64": "$util.base64Encode($input.path('$.emoji'))",
  "unb64": "$util.base64Decode('w7HDsW8g8J+Ymg==')"
}"""),
    ("parse-json-roundtrip", SHOP, r"""#set($o = $util.parseJson($input.json('$')))
#set($c = $util.parseJson($input.json('$.customer')))
$c
$c.tags $c.address.isEmpty() [$c.address]
$o.items[1]
$o.matrix $o.meta $o.notes $o.total $o.tiny
#set($inline = $util.parseJson('{"a": [1, 2.50, {"b": null}], "c": "\u00e9\n", "d": 1E3, "e": 12345678901234567890}'))
$inline $inline.a[1] $inline.d $inline.e"""),
    ("map-and-list-building", SHOP, r"""#set($summary = {})
#set($skus = [])
#foreach($i in $input.path('$.items'))
#set($x = $summary.put($i.sku, $i.qty))
#set($x = $skus.add($i.sku.toLowerCase()))
#end
#set($summary.total = $input.path('$.total'))
#set($summary['user'] = $context.authorizer.claims.sub.substring(0, 8))
$summary
$skus $skus.size() $skus.contains('sku-2') $skus.indexOf('sku-3') $skus.get(0) $skus[-1]
#set($x = $skus.remove(0))$skus #set($x = $skus.addAll(['z', 'y']))$skus
#set($m = {"k": [1, {"n": $nothing}], "e": {}, "l": []})$m $m.k $m.e $m.l"""),
    ("foreach-velocity-count", BULK, r"""#foreach($r in $input.path('$'))
$velocityCount/$foreach.count/$foreach.index first=$foreach.first last=$foreach.last hasNext=$velocityHasNext $r.name#if($r.tags && !$r.tags.isEmpty()) tags=$r.tags#end

#end
after: [$foreach.count] [$r]"""),
    ("foreach-nested-break", SHOP, r"""#foreach($i in $input.path('$.items'))
#if($foreach.count > $stageVariables.maxItems)#break#end
- $i.sku#foreach($k in $i.attrs.keySet()) [$k=$i.attrs.get($k)]#end
#end
#foreach($row in $input.path('$.matrix'))#foreach($v in $row)$v#if($foreach.hasNext),#end#end#if($foreach.hasNext);#end#end"""),
    ("empty-collections", SHOP, r"""#set($o = $input.path('$'))
notes=#foreach($n in $o.notes)$n#end
meta-keys=$o.meta.keySet() meta-empty=$o.meta.isEmpty() notes-empty=$o.notes.isEmpty() size=$o.notes.size()
#if($o.notes)truthy-list#{else}falsy-list#end #if($o.meta)truthy-map#{else}falsy-map#end #if($o.count)truthy-zero#{else}falsy-zero#end #if($o.gift)truthy-false#{else}falsy-false#end
#if($o.coupon)coupon#{else}no-coupon#end #if($o.customer.phone)phone#{else}no-phone#end #if($o.nope)nope#{else}no-nope#end
#foreach($x in $o.nope)never#end#foreach($x in $o.customer)$x#end#foreach($x in $o.orderId)$x#end"""),
    ("null-defaults", SHOP, r"""#set($o = $input.path('$'))
#set($coupon = $o.coupon)
#if(!$coupon || $coupon == "")#set($coupon = "NONE")#end
#set($addr = "$!o.customer.address")
#if($addr.isEmpty())#set($addr = "n/a")#end
{"coupon": "$coupon", "address": "$addr", "missing": "$!o.missing", "quiet": "$!{o.customer.name}", "len": ${o.customer.name.length()}}
#set($none = $o.nothing)none=[$none] eqnull=#if($none == $null)yes#end eqempty=#if($none == "")yes#end"""),
    ("stage-variable-routing", SHOP, r"""#if($stageVariables.debug == "true")
#set($context.requestOverride.header.X-Debug = "1")
#end
#set($url = $stageVariables.queueUrl)
#set($slash = $url.lastIndexOf('/') + 1)
{"queue": "$url.substring($slash)", "fifo": $url.endsWith('.fifo'), "region": "$url.split('\.')[1]", "vars": $stageVariables.size(), "missing": "$stageVariables.nope", "keys": "$stageVariables.keySet()"}"""),
    ("context-dump", SHOP, r"""#foreach($k in $context.keySet())
$k=$context.get($k)
#end
identity: #foreach($k in $context.identity.keySet())$k=[$context.identity.get($k)] #end"""),
    ("context-common-fields", CATALOG, r"""{"requestId": "$context.requestId", "extended": "$context.extendedRequestId", "time": "$context.requestTime", "epoch": $context.requestTimeEpoch, "path": "$context.path", "resourcePath": "$context.resourcePath", "method": "$context.httpMethod", "stage": "$context.stage", "domain": "$context.domainName", "prefix": "$context.domainPrefix", "proto": "$context.protocol", "apiId": "$context.apiId", "ip": "$context.identity.sourceIp", "ua": "$context.identity.userAgent", "apiKey": "$context.identity.apiKey", "canary": "$context.isCanaryRequest", "wafCode": "$context.wafResponseCode", "endpointId": "$context.awsEndpointRequestId"}"""),
    ("input-body-forms", SHOP, r"""#set($raw = $input.body)
chars=$raw.length() lines=$raw.split('\n').size() starts=$raw.startsWith('{')
$input.body.substring(0, 40)
#set($b = $input.path('$'))$b.getClass().getSimpleName() $b.keySet().size() $input.path('$').orderId
json-len=$input.json('$').length() eq=$input.json('$').equals($raw)"""),
    ("text-body", TEXT, r"""body=[$input.body]
json=[$input.json('$')]
path=[$input.path('$')]
field=[$input.path('$.a')] [$input.json('$.a')]
escaped="$util.escapeJavaScript($input.body)"
urlenc=$util.urlEncode($input.body)"""),
    ("empty-event", EMPTY, r"""#set($allParams = $input.params())
body=$input.body json=$input.json('$') path=$input.path('$') keys=$input.path('$').keySet()
params=$allParams path=$allParams.path qs=$allParams.querystring hdr=$allParams.header.keySet()
stage=[$stageVariables] [$stageVariables.x] size=$stageVariables.size()
auth=[$context.authorizer] [$context.authorizer.claims.sub] [$context.authorizer.principalId]
#foreach($k in $input.params().querystring.keySet())never#end#if($input.params().querystring.isEmpty())no-query#end"""),
    ("calc-numbers", BARE_NUMBERS, r"""#set($i = $input.path('$'))
a/b=#set($x = $i.a / $i.b)$x a%b=#set($x = $i.a % $i.b)$x a/c=#set($x = $i.a / $i.c)$x c*b=#set($x = $i.c * $i.b)$x
d/b=#set($x = $i.d / $i.b)$x d%b=#set($x = $i.d % $i.b)$x
big=$i.big big+1=#set($x = $i.big + 1)$x huge=$i.huge huge+1=#set($x = $i.huge + 1)$x
e=$i.e neg0=$i.neg0 f=$i.f f*10=#set($x = $i.f * 10)$x
s+1=#set($x = $i.s + 1)[$x] a+s=#set($y = "$i.a$i.s")$y a/0=#set($z = 5)#set($z = $i.a / 0)$z
cmp=#if($i.a > $i.c)gt#end #if($i.c < 3)lt#end #if($i.e == 100)e100#end #if($i.big > 9007199254740992)bigger#end
json=$input.json('$.e') $input.json('$.neg0') $input.json('$.huge') $input.json('$.f')"""),
]

DDB_QUERY_OUT = r"""{"Count": 3, "ScannedCount": 5, "Items": [
 {"pk": {"S": "USER#42"}, "sk": {"S": "ORDER#2024-03-01"}, "total": {"N": "12.50"}, "lines": {"L": [{"M": {"sku": {"S": "A"}, "qty": {"N": "2"}}}, {"M": {"sku": {"S": "B"}, "qty": {"N": "1"}}}]}, "tags": {"SS": ["x", "y"]}, "gift": {"BOOL": false}, "note": {"NULL": true}},
 {"pk": {"S": "USER#42"}, "sk": {"S": "ORDER#2024-03-05"}, "total": {"N": "1e3"}, "lines": {"L": []}, "tags": {"SS": []}, "gift": {"BOOL": true}, "title": {"S": "Caf\u00e9 \"special\" \\ order"}},
 {"pk": {"S": "USER#42"}, "sk": {"S": "ORDER#2024-03-09"}, "total": {"N": "0.1"}, "meta": {"M": {"channel": {"S": "web"}, "score": {"N": "-3"}}}}
], "LastEvaluatedKey": {"pk": {"S": "USER#42"}, "sk": {"S": "ORDER#2024-03-09"}}}"""
DDB_GET_OUT = r"""{"Item": {"id": {"S": "u-1"}, "name": {"S": "Zoë"}, "age": {"N": "37"}, "emails": {"L": [{"S": "a@x.io"}, {"S": "b@x.io"}]}, "prefs": {"M": {"theme": {"S": "dark"}, "beta": {"BOOL": true}}}}}"""
DDB_EMPTY_OUT = "{}"
DDB_UPDATE_OUT = r"""{"Attributes": {"id": {"N": "42"}, "name": {"S": "José"}, "phone": {"NULL": true}, "version": {"N": "8"}}}"""
SFN_SYNC_OK = r"""{"billingDetails": {"billedDurationInMilliseconds": 200, "billedMemoryUsedInMB": 64}, "executionArn": "arn:aws:states:us-east-1:123456789012:express:checkout:abc:def", "input": "{\"orderId\":\"o-1\"}", "inputDetails": {"included": true}, "name": "abc", "output": "{\"orderId\":\"o-1\",\"total\":12.5,\"items\":[{\"sku\":\"A\",\"ok\":true},{\"sku\":\"B\",\"ok\":false}],\"nested\":{\"a\":null,\"b\":[]},\"msg\":\"d\u00e9j\u00e0 vu\"}", "outputDetails": {"included": true}, "startDate": 1.710001234567E9, "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:checkout", "status": "SUCCEEDED", "stopDate": 1.710001234789E9, "traceHeader": "Root=1-abc"}"""
SFN_SYNC_FAILED = r"""{"executionArn": "arn:aws:states:us-east-1:123456789012:express:checkout:abc:def", "status": "FAILED", "error": "States.TaskFailed", "cause": "{\"errorMessage\":\"Card declined: insufficient funds\",\"errorType\":\"PaymentError\",\"trace\":[\"at pay\"]}", "startDate": 1.710001234567E9, "stopDate": 1.710001235E9}"""
SFN_START_OUT = r"""{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:checkout:c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "startDate": 1.710001234567E9}"""
LAMBDA_ERR = r"""{"errorMessage": "[BadRequest] quantity must be positive", "errorType": "ValidationError", "stackTrace": ["at handler (/var/task/index.js:10:11)", "at process (/var/task/lib.js:3:2)"]}"""
LAMBDA_ERR_JSON = r"""{"errorMessage": "{\"httpStatus\": 409, \"code\": \"Conflict\", \"details\": [\"order ord-7f3a exists\", \"retry: false\"], \"retryAfter\": 1.5}", "errorType": "Error"}"""
LAMBDA_OK = r"""{"statusCode": 201, "headers": {"Location": "/orders/9", "X-RateLimit-Remaining": 5}, "body": "{\"id\":9,\"msg\":\"cr\u00e9\u00e9\",\"tags\":[]}", "isBase64Encoded": false, "cookies": null}"""
SQS_OUT = r"""{"SendMessageResponse": {"ResponseMetadata": {"RequestId": "6fde8d1e-52cd-4581-8cd9-c512f4c64223"}, "SendMessageResult": {"MD5OfMessageAttributes": null, "MD5OfMessageBody": "a5f0b8c1e7d4", "MD5OfMessageSystemAttributes": null, "MessageId": "7e2d1c3b-aaaa-bbbb-cccc-1234567890ab", "SequenceNumber": "18849496460467696128"}}}"""
SNS_OUT = r"""{"PublishResponse": {"PublishResult": {"MessageId": "94f20ce6-13c5-43a0-9a9e-ca52d816e90b", "SequenceNumber": null}, "ResponseMetadata": {"RequestId": "f187a3c1-376f-11df-8963-01868b7c937a"}}}"""
EB_OUT = r"""{"Entries": [{"EventId": "11710aed-b79e-4468-a20b-bb3c0c3b4860"}, {"ErrorCode": "InternalFailure", "ErrorMessage": "Internal \"failure\""}], "FailedEntryCount": 1}"""
KINESIS_OUT = r"""{"EncryptionType": "NONE", "FailedRecordCount": 0, "Records": [{"SequenceNumber": "49543463076548007577105092703039560359975228518395019266", "ShardId": "shardId-000000000000"}, {"SequenceNumber": "49543463076570308322303623326179887152428262250726293522", "ShardId": "shardId-000000000001"}]}"""
HTTP_PAGE = r"""{"data": [{"id": 1, "name": "Widget", "price": 9.99, "stock": 0, "tags": ["a", "b"]}, {"id": 2, "name": "Gadget \u2013 Pro", "price": 120, "stock": 7, "tags": []}, {"id": 3, "name": "Gizmo", "price": 1.0E2, "stock": null}], "paging": {"next": "eyJvZmZzZXQiOjN9", "total": 12345678901234, "pageSize": 3}, "meta": null}"""
HTTP_EMPTY_PAGE = r"""{"data": [], "paging": {"next": null, "total": 0}}"""
S3_LIST_XML = """<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>orders-archive</Name><KeyCount>2</KeyCount><Contents><Key>orders/42/a.json</Key><Size>120</Size></Contents><Contents><Key>orders/42/b &amp; c.json</Key><Size>99</Size></Contents></ListBucketResult>"""
TOP_ARRAY = r"""[{"id": "a", "score": 3}, {"id": "b", "score": 11}, {"id": "c", "score": 7}]"""

#: (id, event, integration response body, response template).
REAL_RESPONSES: list[tuple[str, dict, str, str]] = [
    ("resp-ddb-query-flatten", SHOP, DDB_QUERY_OUT, r"""#set($inputRoot = $input.path('$'))
{
  "orders": [
#foreach($elem in $inputRoot.Items)
    {
      "id": "$elem.sk.S.replace('ORDER#', '')",
      "total": $elem.total.N,
      "lines": [#foreach($l in $elem.lines.L){"sku": "$l.M.sku.S", "qty": $l.M.qty.N}#if($foreach.hasNext), #end#end],
      "tags": $elem.tags.SS,
      "gift": #if($elem.gift.BOOL)true#{else}false#end,
      "title": "$util.escapeJavaScript($elem.title.S)"#if($elem.meta),
      "channel": "$elem.meta.M.channel.S"#end

    }#if($foreach.hasNext),#end
#end
  ],
  "count": $inputRoot.Count,
  "scanned": $inputRoot.ScannedCount#if($inputRoot.LastEvaluatedKey),
  "nextToken": "$util.base64Encode($input.json('$.LastEvaluatedKey'))"#end

}"""),
    ("resp-ddb-query-generic", SHOP, DDB_QUERY_OUT, r"""#set($items = $input.path('$.Items'))
[#foreach($item in $items){#foreach($attr in $item.keySet())#set($v = $item.get($attr))#set($type = $v.keySet().iterator().next())"$attr": #if($type == 'S')"$util.escapeJavaScript($v.S)"#elseif($type == 'N')$v.N#elseif($type == 'BOOL')$v.BOOL#elseif($type == 'NULL')null#else$input.json("$.Items[$foreach.parent.index].$attr.$type")#end#if($foreach.hasNext), #end#end}#if($foreach.hasNext),
#end#end]"""),
    ("resp-ddb-get-item", CATALOG, DDB_GET_OUT, r"""#set($item = $input.path('$.Item'))
#if($item == "" || !$item)
#set($context.responseOverride.status = 404)
{"message": "not found"}
#else
{
  "id": "$item.id.S",
  "name": "$item.name.S",
  "age": $item.age.N,
  "emails": [#foreach($e in $item.emails.L)"$e.S"#if($foreach.hasNext),#end#end],
  "prefs": {#foreach($k in $item.prefs.M.keySet())#set($p = $item.prefs.M.get($k))"$k": #if($p.S)"$p.S"#{else}$p.BOOL#end#if($foreach.hasNext), #end#end}
}
#end"""),
    ("resp-ddb-get-item-missing", CATALOG, DDB_EMPTY_OUT, r"""#set($item = $input.path('$.Item'))
#if("$!item" == "")
#set($context.responseOverride.status = 404)
#set($context.responseOverride.header.Cache-Control = "no-cache")
{"message": "Product $input.params('category')/$input.params('q') not found"}
#else
$input.json('$.Item')
#end"""),
    ("resp-ddb-update", SHOP, DDB_UPDATE_OUT, r"""#set($a = $input.path('$.Attributes'))
{#foreach($k in $a.keySet())#set($v = $a.get($k))"$k": #if($v.NULL)null#elseif($v.N)$v.N#else"$v.S"#end#if($foreach.hasNext), #end#end, "version": #set($ver = $a.version.N)$ver}"""),
    ("resp-sfn-sync-output", SHOP, SFN_SYNC_OK, r"""#set($out = $util.parseJson($input.path('$.output')))
#if($input.path('$.status') == "SUCCEEDED")
{
  "orderId": "$out.orderId",
  "total": $out.total,
  "items": $out.items,
  "okCount": #set($n = 0)#foreach($i in $out.items)#if($i.ok)#set($n = $n + 1)#end#end$n,
  "nested": "$out.nested",
  "msg": "$out.msg",
  "raw": $input.path('$.output'),
  "billed": $input.path('$.billingDetails.billedDurationInMilliseconds'),
  "start": "$input.path('$.startDate')",
  "startJson": $input.json('$.startDate')
}
#else
#set($context.responseOverride.status = 500)
{"error": "$input.path('$.error')"}
#end"""),
    ("resp-sfn-sync-failed", SHOP, SFN_SYNC_FAILED, r"""#set($status = $input.path('$.status'))
#if($status == "FAILED")
#set($cause = $util.parseJson($input.path('$.cause')))
#if($cause.errorType == "PaymentError")#set($context.responseOverride.status = 402)#else#set($context.responseOverride.status = 500)#end
{"error": "$input.path('$.error')", "type": "$cause.errorType", "message": "$util.escapeJavaScript($cause.errorMessage)", "trace": $cause.trace, "took": #set($t = $input.path('$.stopDate') - $input.path('$.startDate'))$t}
#else
$input.path('$.output')
#end"""),
    ("resp-sfn-start", SHOP, SFN_START_OUT, r"""#set($arn = $input.path('$.executionArn'))
#set($context.responseOverride.status = 202)
#set($colon = $arn.lastIndexOf(':') + 1)
#set($context.responseOverride.header.Location = "/executions/$arn.substring($colon)")
{"executionId": "$arn.split(':')[7]", "started": $input.path('$.startDate'), "startedMs": #set($ms = $input.path('$.startDate') * 1000)$ms, "asLong": $ms.longValue()}"""),
    ("resp-lambda-error-regex", SHOP, LAMBDA_ERR, r"""#set($msg = $input.path('$.errorMessage'))
#set($code = $msg.replaceAll('^\[(\w+)\].*$', '$1'))
#if($code == 'BadRequest')#set($context.responseOverride.status = 400)#elseif($code == 'NotFound')#set($context.responseOverride.status = 404)#end
{
  "code": "$code",
  "message": "#set($start = $msg.indexOf(']') + 2)$msg.substring($start)",
  "type": "$input.path('$.errorType')",
  "where": "$input.path('$.stackTrace[0]').replaceAll('.*\((.*)\)', '$1')",
  "frames": $input.path('$.stackTrace').size(),
  "matched": $msg.matches('\[BadRequest\].*')
}"""),
    ("resp-lambda-error-json-message", SHOP, LAMBDA_ERR_JSON, r"""#set($err = $util.parseJson($input.path('$.errorMessage')))
#set($context.responseOverride.status = $err.httpStatus)
#set($context.responseOverride.header.Retry-After = "$err.retryAfter")
{"code": "$err.code", "details": $err.details, "first": "$err.details[0]", "retryAfter": $err.retryAfter, "type": "$input.path('$.errorType')"}"""),
    ("resp-lambda-ok-unwrap", SHOP, LAMBDA_OK, r"""#set($r = $input.path('$'))
#set($context.responseOverride.status = $r.statusCode)
#foreach($h in $r.headers.keySet())
#set($context.responseOverride.header[$h] = "$r.headers.get($h)")
#end
$r.body"""),
    ("resp-lambda-ok-parse-body", SHOP, LAMBDA_OK, r"""#set($body = $util.parseJson($input.path('$.body')))
{"id": $body.id, "msg": "$body.msg", "tags": $body.tags, "status": $input.path('$.statusCode'), "base64": $input.path('$.isBase64Encoded'), "cookies": "$!input.path('$.cookies')", "json": $input.json('$.body')}"""),
    ("resp-sqs-send", SHOP, SQS_OUT, r"""#set($r = $input.path('$.SendMessageResponse.SendMessageResult'))
{
  "messageId": "$r.MessageId",
  "md5": "$r.MD5OfMessageBody",
  "attrs": "$!r.MD5OfMessageAttributes",
  "seq": "$r.SequenceNumber",
  "requestId": "$input.path('$.SendMessageResponse.ResponseMetadata.RequestId')",
  "queue": "$stageVariables.queueUrl"
}"""),
    ("resp-sns-publish", SHOP, SNS_OUT, r"""#set($context.responseOverride.status = 202)
{"messageId": $input.json('$.PublishResponse.PublishResult.MessageId'), "seq": $input.json('$.PublishResponse.PublishResult.SequenceNumber')}"""),
    ("resp-eventbridge-failures", SHOP, EB_OUT, r"""#set($r = $input.path('$'))
#if($r.FailedEntryCount > 0)
#set($context.responseOverride.status = 500)
{"failed": $r.FailedEntryCount, "errors": [#foreach($e in $r.Entries)#if($e.ErrorCode){"code": "$e.ErrorCode", "message": "$util.escapeJavaScript($e.ErrorMessage)", "index": $foreach.index}#end#end]}
#else
{"eventIds": $input.json('$.Entries[*].EventId')}
#end"""),
    ("resp-kinesis", SHOP, KINESIS_OUT, r"""{"failed": $input.path('$.FailedRecordCount'), "shards": $input.json('$.Records[*].ShardId'), "seq": "$input.path('$.Records[0].SequenceNumber').substring(0, 12)...", "count": $input.path('$.Records').size()}"""),
    ("resp-http-paginated", CATALOG, HTTP_PAGE, r"""#set($root = $input.path('$'))
#set($next = $root.paging.next)
#if($next)
#set($q = '"')
#set($context.responseOverride.header.Link = "<https://$context.domainName/$context.stage/products/$input.params('category')/items?nextToken=$util.urlEncode($next)>; rel=${q}next${q}")
#end
{
  "items": [
#foreach($p in $root.data)
    {"id": $p.id, "name": "$util.escapeJavaScript($p.name)", "price": $p.price, "inStock": #if($p.stock && $p.stock > 0)true#{else}false#end, "tags": #if($p.tags)$p.tags#{else}[]#end}#if($foreach.hasNext),#end

#end
  ],
  "total": $root.paging.total,
  "pages": #set($pages = ($root.paging.total + $root.paging.pageSize - 1) / $root.paging.pageSize)$pages,
  "cursor": #if($next)"$util.base64Decode($next)"#{else}null#end,
  "meta": $input.json('$.meta')
}"""),
    ("resp-http-empty-page", CATALOG, HTTP_EMPTY_PAGE, r"""#set($root = $input.path('$'))
{"items": $input.json('$.data'), "count": $root.data.size(), "next": #if($root.paging.next)"$root.paging.next"#{else}null#end, "empty": $root.data.isEmpty()}
#foreach($p in $root.data)never#end#if($root.data.isEmpty())nothing to list#end"""),
    ("resp-s3-list-xml", SHOP, S3_LIST_XML, r"""#set($xml = $input.body)
#set($parts = $xml.split('<Key>'))
{"bucket": "$xml.replaceAll('(?s).*<Name>(.*?)</Name>.*', '$1')", "keys": [#foreach($p in $parts)#if($foreach.index > 0)"$p.substring(0, $p.indexOf('</Key>')).replace('&amp;', '&')"#if($foreach.hasNext), #end#end#end], "count": $xml.replaceAll('.*<KeyCount>(\d+)</KeyCount>.*', '$1')}"""),
    ("resp-top-level-array", BULK, TOP_ARRAY, r"""#set($list = $input.path('$'))
#set($best = $list[0])
#foreach($x in $list)#if($x.score > $best.score)#set($best = $x)#end#end
{"best": "$best.id", "n": $list.size(), "high": $input.json('$[?(@.score > 5)].id'), "sum": #set($s = 0)#foreach($x in $list)#set($s = $s + $x.score)#end$s, "avg": #set($avg = $s / $list.size())$avg, "avgExact": #set($avg2 = $s * 1.0 / $list.size())$avg2}"""),
    ("resp-passthrough-with-headers", SHOP, DDB_GET_OUT, r"""#set($context.responseOverride.header.X-Request-Id = $context.requestId)
#set($context.responseOverride.header.Access-Control-Allow-Origin = "*")
$input.json('$')"""),
    ("resp-cors-error-shape", SHOP, LAMBDA_ERR, r"""#set($context.responseOverride.header.Access-Control-Allow-Origin = $input.params('Origin'))
#set($context.responseOverride.header.Access-Control-Allow-Headers = "Content-Type,Authorization,X-Api-Key")
#set($context.responseOverride.status = 400)
{"message": $input.json('$.errorMessage'), "type": "$input.path('$.errorType')", "requestId": "$context.requestId", "path": "$context.resourcePath"}"""),
    ("resp-params-in-response", CATALOG, HTTP_EMPTY_PAGE, r"""{"category": "$input.params('category')", "page": "$input.params('page')", "qs": "$input.params().querystring", "method": "$context.httpMethod", "body": $input.body}"""),
    ("resp-empty-body", SHOP, "", r"""body=[$input.body] json=[$input.json('$')] path=[$input.path('$')] size=$input.path('$').size() #if($input.path('$.x'))x#{else}no-x#end"""),
    ("resp-not-json", SHOP, "Internal Server Error", r"""#set($context.responseOverride.status = 502)
{"upstream": "$util.escapeJavaScript($input.body)", "json": $input.json('$'), "path": "$input.path('$')", "len": $input.body.length()}"""),
]

SLACK = make_event(
    method="POST",
    path="/slack/command",
    headers={"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
             "X-Slack-Request-Timestamp": "1531420618", "Host": "hooks.example.com"},
    body="token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&channel_name=test&user_id=U2147483697"
         "&user_name=Steve&command=%2Fweather&text=94070+%C3%A9t%C3%A9+%22quoted%22&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678",
)
GRAPHQL = make_event(
    method="POST",
    path="/graphql",
    headers={"Content-Type": "application/json", "Accept": "application/json, text/xml;q=0.5", "x-api-key": "da2-abc",
             "X-Forwarded-For": "203.0.113.195, 70.41.3.18, 150.172.238.178", "Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"},
    body='{"query": "query Get($id: ID!) { item(id: $id) { name \\"alias\\" } }", "variables": {"id": "42", "n": 1.50, "flags": [true, false, null]}, "operationName": null}',
    query={"ids": "1,2,,3", "debug": ""},
    requestContext={"identity": {"apiKey": "da2-abc", "apiKeyId": "key-1"}},
)
BINARY = make_event(method="POST", path="/upload", headers={"Content-Type": "application/octet-stream"},
                    body=_b64('{"hello": "wörld"}'), is_base64=True, path_params={"name": "report 2024.pdf"})

MORE_REQUESTS: list[tuple[str, dict, str]] = [
    ("slack-slash-command", SLACK, r"""#set($params = {})
#foreach($kv in $input.body.split('&'))
#set($pair = $kv.split('='))
#set($x = $params.put($pair[0], $util.urlDecode("$!pair[1]")))
#end
{
  "command": "$params.command",
  "text": "$util.escapeJavaScript($params.text)",
  "user": "$params.user_name",
  "responseUrl": "$params.response_url",
  "signature": "$input.params('X-Slack-Signature').substring(0, 10)",
  "age": #set($age = $context.requestTimeEpoch / 1000 - $input.params('X-Slack-Request-Timestamp'))$age
}"""),
    ("graphql-proxy", GRAPHQL, r"""{
  "query": $input.json('$.query'),
  "variables": $input.json('$.variables'),
  "operationName": $input.json('$.operationName'),
  "escaped": "$util.escapeJavaScript($input.path('$.query'))",
  "n": $input.path('$.variables.n'),
  "flags": $input.path('$.variables.flags'),
  "flag2": "$input.path('$.variables.flags[2]')"
}"""),
    ("batch-get-from-csv-param", GRAPHQL, r"""#set($ids = $input.params('ids').split(','))
{"RequestItems": {"items": {"Keys": [#foreach($id in $ids)#if($id != ""){"id": {"S": "$id"}}#if($foreach.hasNext), #end#end#end]}}}
count=$ids.size() raw=$input.params('ids') empty=[$input.params('debug')] #if($input.params('debug') != "")debug-on#{else}debug-off#end"""),
    ("client-ip-and-language", GRAPHQL, r"""#set($xff = $input.params('X-Forwarded-For'))
#set($p = $xff.split(','))
#set($lastIndex = $p.size() - 1)
client=$xff.split(',')[0].trim() proxies=$p.size() last=$p[$lastIndex].trim()
#set($lang = $input.params('Accept-Language').split(',')[0].split(';')[0].trim())lang=$lang primary=$lang.substring(0, 2)
#if($input.params('Accept').contains('xml'))xml-ok#end key=$context.identity.apiKey keyId=$context.identity.apiKeyId source=$context.identity.sourceIp"""),
    ("binary-body", BINARY, r"""raw=$input.body
decoded=$util.base64Decode($input.body)
name=$input.params('name') enc=$util.urlEncode($input.params('name'))
#set($context.requestOverride.path.key = "uploads/$util.urlEncode($input.params('name'))")$context.requestOverride.path.key"""),
    ("redirect-with-cookie", SHOP, r"""#set($context.responseOverride.status = 302)
#set($context.responseOverride.header.Location = "https://app.example.com/orders/$input.path('$.orderId')?lang=$input.params('Accept-Language').substring(0, 2)")
#set($context.responseOverride.header.Set-Cookie = "last_order=$input.path('$.orderId'); Path=/; Secure; HttpOnly")
<html><body>Redirecting to <a href="$context.responseOverride.header.Location">your order</a>…</body></html>"""),
    ("escape-non-string-arguments", SHOP, r"""a=$util.escapeJavaScript($input.path('$.customer'))
b=$util.urlEncode($input.path('$.total'))
c=$util.base64Encode($input.path('$.big'))
d=$util.escapeJavaScript("$input.path('$.customer.tags')")
e=$util.escapeJavaScript($input.json('$.customer.tags'))
f=$util.parseJson($input.path('$.customer'))
g=$util.urlEncode("$input.path('$.total')")"""),
    ("string-concat-numbers", SHOP, r"""#set($o = $input.path('$'))
#set($id = "$o.customer.id-$o.orderId")
#set($key = $o.customer.id + "-" + $o.orderId)
$id | [$key] | ${o.customer.id}${o.count} | $o.customer.id$o.total | #set($n = $o.customer.id + $o.count)$n
#set($label = "Order " + $o.orderId)[$label]"""),
    ("nested-items-json-per-index", SHOP, r"""[
#foreach($i in $input.path('$.items'))
  {"n": $foreach.count, "attrs": $input.json("$.items[$foreach.index].attrs"), "raw": $input.json("$.items[$foreach.index]")}#if(!$foreach.last),#end

#end
]"""),
    ("content-negotiation", CATALOG, r"""#set($accept = $input.params('Accept'))
#if($accept.contains('xml'))
#set($context.responseOverride.header.Content-Type = 'application/xml')
<items category="$input.params('category')" page="$input.params('page')"/>
#elseif($accept == '*/*' || $accept.contains('json'))
{"category": "$input.params('category')"}
#else
#set($context.responseOverride.status = 406)
#end"""),
    ("etag-conditional", CATALOG, r"""#set($tag = $input.params('If-None-Match').replaceAll('"', ''))
#if($tag == 'etag-1')
#set($context.responseOverride.status = 304)
#set($context.responseOverride.header.ETag = $input.params('If-None-Match'))
#else
{"fresh": true}
#end
tag=$tag len=$tag.length()"""),
    ("version-compare", CATALOG, r"""#set($v = $input.params('X-Client-Version').split('\.'))
#set($major = $v[0])
major=$major minor=$v[1] patch=$v[2] n=$v.size()
#if($major == '3' && $v[1].compareTo('10') > 0)lexically-newer#end
#if($v[1].length() > 1)two-digit-minor#end
#set($num = $major.hashCode() - 48)num=$num"""),
    ("ternary-style-defaults", EMPTY, r"""#set($page = $input.params('page'))
#if(!$page || $page == '')#set($page = '1')#end
#set($size = "$!input.params('size')")
#if($size.isEmpty())#set($size = "20")#end
#set($sort = $input.params('sort'))
{"page": $page, "size": $size, "sort": "#if($sort == '')id#{else}$sort#end", "stage": "$context.stage", "auth": "$!context.authorizer.principalId", "body": $input.json('$')}"""),
    ("foreach-over-params-all", CATALOG, r"""#foreach($type in $input.params().keySet())
$type: #foreach($k in $input.params($type).keySet())$k#if($foreach.hasNext),#end#end

#end
#set($p = $input.params())$p.keySet() $p.header.keySet().size() $p.querystring.tag $p.path.category"""),
    ("sqs-message-attributes-from-claims", SHOP, r"""#set($claims = $context.authorizer.claims)
#set($names = ['sub', 'email', 'custom:tenant', 'cognito:groups', 'absent'])
Action=SendMessage&MessageBody=$util.urlEncode($input.json('$.items'))##
#foreach($n in $names)
#if("$!claims.get($n)" != "")
&MessageAttribute.${foreach.count}.Name=$util.urlEncode($n.replace(':', '-'))&MessageAttribute.${foreach.count}.Value.DataType=String&MessageAttribute.${foreach.count}.Value.StringValue=$util.urlEncode($claims.get($n))##
#end
#end
"""),
]

#: Mistakes users make in Velocity 1.7 (arithmetic in a method argument, 2.0's #foreach/#else,
#: a null literal): API Gateway refuses the template.
MISTAKES: list[tuple[str, dict, str]] = [
    ("mistake-arith-in-method-arg", SHOP, r"""#set($e = $input.path('$.customer.email'))
{"domain": "$e.substring($e.indexOf('@') + 1)"}"""),
    ("mistake-foreach-else", SHOP, r"""#foreach($n in $input.path('$.notes'))$n#{else}none#end"""),
    ("mistake-list-index-out-of-bounds", SHOP, r"""#set($tags = $input.path('$.customer.tags'))first=$tags.get(0) third=$tags.get(2)"""),
    ("mistake-index-missing-list", BULK, r"""#foreach($r in $input.path('$'))$r.id:$r.tags[0] #end"""),
    ("mistake-null-literal", SHOP, r"""#set($m = {"coupon": null})$m"""),
    ("mistake-index-arith", GRAPHQL, r"""#set($p = $input.params('X-Forwarded-For').split(','))$p[$p.size() - 1]"""),
]

MORE_RESPONSES: list[tuple[str, dict, str, str]] = [
    ("resp-error-message-split", SHOP, LAMBDA_ERR, r"""#set($parts = $input.path('$.errorMessage').split('] '))
#set($kind = $parts[0].substring(1))
#if($kind == 'BadRequest')#set($context.responseOverride.status = 400)#else#set($context.responseOverride.status = 500)#end
{"kind": "$kind", "text": "$parts[1]", "status": "$context.responseOverride.status"}"""),
    ("resp-status-from-body-field", SHOP, LAMBDA_OK, r"""#set($code = $input.path('$.statusCode'))
#if($code >= 400)#set($context.responseOverride.status = $code)#elseif($code == 201)#set($context.responseOverride.status = 201)#set($context.responseOverride.header.Location = $input.path('$.headers.Location'))#end
{"ok": #if($code < 400)true#{else}false#end, "code": $code, "class": "${code}xx".substring(0, 1)}"""),
    ("resp-sfn-output-fields", SHOP, SFN_SYNC_OK, r"""#set($o = $util.parseJson($input.json('$.output')))
$o
#set($o2 = $util.parseJson($input.path('$.output')))
$o2.nested $o2.nested.b $o2.nested.a $o2.items[0].sku $o2.items.size()
$input.json('$.output')"""),
    ("resp-status-from-missing-field", SHOP, LAMBDA_ERR, r"""#set($code = $input.path('$.statusCode'))
#set($context.responseOverride.status = $code)
{"message": $input.json('$.errorMessage')}"""),
    ("resp-kinesis-failed-records", SHOP, KINESIS_OUT, r"""#set($records = $input.path('$.Records'))
#foreach($r in $records)
$foreach.index: $r.ShardId.replace('shardId-', '').replaceAll('^0+', '') seq-len=$r.SequenceNumber.length()#if($r.ErrorCode) err=$r.ErrorCode#end

#end
failed=$input.path('$.FailedRecordCount') enc=$input.path('$.EncryptionType').toLowerCase()"""),
]



# ---------------------------------------------------------------------------------------------
# Second wave: what real payloads carry that toy ones do not (euro signs and line separators
# json-smart escapes, JWT segments without padding, keys with spaces and dashes, lowercase
# HTTP/2 header names, top-level scalars, Java's Double printing thresholds), and the JSONPath
# and Java-method idioms templates lean on.
# ---------------------------------------------------------------------------------------------

INVOICE_BODY = """{
  "invoice no": "INV-2024/001",
  "currency": "EUR",
  "symbol": "€",
  "memo": "Line1\\u2028Line2\\ttab\\u0001ctl\\u007f del\\u0085nel",
  "first-name": "Ana",
  "x.y": "dotted",
  "amounts": [10000000, 1.0E7, 9999999.0, 0.001, 0.0001, 123456789.123, 1e21, 1e-5, 100.10, -0.0, 2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808],
  "lines": [
    {"desc": "Beratung (Stunden)", "hours": 7.5, "rate": 120, "vat": 0.19, "tags": ["consulting", "remote"]},
    {"desc": "Reise – Berlin ✈", "hours": 0, "rate": 0.5, "vat": 0.07, "tags": []},
    {"desc": "Lizenz \\"Pro\\"", "hours": 1, "rate": 1999.99, "vat": 0.19}
  ],
  "paid": null,
  "approved": "true",
  "count": "3",
  "dup": 1,
  "dup": 2,
  "nested": {"a": {"b": {"c": [1, {"d": "deep"}]}}}
}"""
INVOICE = make_event(
    method="POST",
    path="/invoices",
    headers={"content-type": "application/json", "x-api-key": "abc", "accept": "application/json",
             "user-agent": "python-requests/2.31", "x-amz-date": "20240309T174500Z", "host": "api.example.com"},
    body=INVOICE_BODY,
    query={"format": "pdf", "lang": "de-DE", "round": "2"},
    stage_variables={"vatMode": "gross"},
)
JWT_HEADER = _b64('{"alg":"HS256","typ":"JWT"}').rstrip("=")
JWT_PAYLOAD = base64.urlsafe_b64encode('{"sub":"1234567890","name":"Jürgen ?>","admin":true,"iat":1516239022}'.encode()).decode().rstrip("=")
JWT = make_event(
    method="GET",
    path="/me",
    headers={"Authorization": f"Bearer {JWT_HEADER}.{JWT_PAYLOAD}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
             "X-Padded": _b64("a:b"), "X-Unpadded": _b64("ab").rstrip("=")},
)
SCALAR_BODIES = {
    "string": '"just a string"',
    "number": "42",
    "double": "-1.5e3",
    "true": "true",
    "null": "null",
    "array": "[1, \"two\", null, [3]]",
    "spaces": "   {\"a\" : 1 }   ",
    "crlf": "{\r\n  \"a\": \"x\\r\\ny\"\r\n}",
    "lenient": "{a: 1, 'b': 'two', c: [x, y]}",
    "trailing": '{"a": 1} trailing',
    "broken": '{"a": ',
}
SCALAR_TEMPLATE = r"""body=[$input.body]
json=[$input.json('$')] a=[$input.json('$.a')] path=[$input.path('$')] pa=[$input.path('$.a')]
#set($p = $input.path('$'))#if($p)truthy#{else}falsy#end #if($p == "")empty#end size=[$input.path('$').size()] str=[$input.path('$').toString()]"""

WAVE2_REQUESTS: list[tuple[str, dict, str]] = [
    ("invoice-json-escapes", INVOICE, r"""all=$input.json('$')
memo=$input.json('$.memo')
symbol=$input.json('$.symbol') $input.path('$.symbol')
esc=$util.escapeJavaScript($input.path('$.memo'))
lines=$input.json('$.lines[1]')"""),
    ("invoice-special-keys", INVOICE, r"""no=$input.path("$['invoice no']") first=$input.path("$['first-name']") dotted=$input.path("$['x.y']")
json=$input.json("$['invoice no','currency']") dash=[$input.path('$.first-name')]
#set($root = $input.path('$'))bracket=$root['invoice no'] get=$root.get('first-name') prop=[$root.first-name]
dup=$input.path('$.dup') keys=$root.keySet().size()
deep=$input.path('$.nested.a.b.c[1].d') $input.json('$..d') $input.json('$.nested..c')"""),
    ("invoice-double-printing", INVOICE, r"""#foreach($a in $input.path('$.amounts'))
$foreach.index: $a | $input.json("$.amounts[$foreach.index]") | #set($x = $a * 2)$x | #set($y = $a + 1)$y
#end
json=$input.json('$.amounts')"""),
    ("invoice-totals", INVOICE, r"""#set($net = 0)
#set($vat = 0)
#foreach($l in $input.path('$.lines'))
#set($lineNet = $l.hours * $l.rate)
#set($net = $net + $lineNet)
#set($vat = $vat + $lineNet * $l.vat)
$l.desc: $lineNet (vat $l.vat) tags=$!l.tags
#end
net=$net vat=$vat gross=#set($g = $net + $vat)$g
cents=#set($c = $g * 100)$c.longValue() round2=#set($r0 = $g * 100 + 0.5)#set($r = $r0.intValue())$r
whole=#set($w = $r / 100)$w frac=#set($f = $r % 100)$f display=${w},#if($f < 10)0#end$f €
mode=$stageVariables.vatMode count=#set($n = $input.path('$.count'))$n approved=#if($input.path('$.approved') == true)bool#elseif($input.path('$.approved') == 'true')string#end"""),
    ("invoice-lowercase-headers", INVOICE, r"""ct=[$input.params('Content-Type')] ct2=[$input.params('content-type')] key=$input.params('x-api-key')
date=$input.params('x-amz-date').substring(0, 8) ua=$input.params().header.get('user-agent').split('/')[0]
lang=$input.params('lang').replace('-', '_') round=$input.params('round')
#set($hdrs = $input.params().header)#foreach($h in $hdrs.keySet())#if($h.startsWith('x-'))$h #end#end"""),
    ("jsonpath-functions", INVOICE, r"""len=$input.json('$.lines.length()') $input.path('$.lines.length()')
min=$input.json('$.amounts.min()') max=$input.json('$.amounts.max()')
avg=$input.json('$.lines[*].rate.avg()') sum=$input.json('$.lines[*].hours.sum()')
tags=$input.json('$.lines[*].tags.length()')
multi=$input.json('$.lines[0,2].desc') neg=$input.json('$.lines[-1].desc') star=$input.json('$.nested.*')
regex=$input.json('$.lines[?(@.desc =~ /.*Berlin.*/)].rate')
and=$input.json('$.lines[?(@.hours > 0 && @.vat == 0.19)].desc')
or=$input.json('$.lines[?(@.hours == 0 || @.rate > 1000)].rate')
in=$input.json("$.lines[?(@.vat in [0.07])].desc")
size=$input.json('$.lines[?(@.tags size 2)].desc')
empty=$input.json('$.lines[?(@.tags empty true)].desc')
ne=$input.json("$.lines[?(@.desc != 'x')].hours")
bad=[$input.json('$.lines[?(@.hours > )]')] [$input.path('$..[')]"""),
    ("jwt-decode", JWT, r"""#set($token = $input.params('Authorization').replace('Bearer ', ''))
#set($parts = $token.split('\.'))
header=$util.base64Decode($parts[0])
#set($payload = $parts[1].replace('-', '+').replace('_', '/'))
#set($pad = 4 - $payload.length() % 4)
#if($pad < 4)#foreach($i in [1..$pad])#set($payload = "${payload}=")#end#end
payload=$util.base64Decode($payload)
claims=#set($c = $util.parseJson($util.base64Decode($payload)))$c.sub $c.name $c.admin
padded=$util.base64Decode($input.params('X-Padded'))"""),
    ("jwt-decode-raw-segment", JWT, r"""#set($parts = $input.params('Authorization').split(' ')[1].split('\.'))
raw=$util.base64Decode($parts[1])"""),
    ("base64-unpadded-header", JWT, r"""u=$util.base64Decode($input.params('X-Unpadded'))"""),
    ("url-encode-edge-chars", INVOICE, r"""a=$util.urlEncode("a b+c&d=e/f?g#h~i*j-k.l_m!n'o(p)q")
b=$util.urlEncode($input.path('$.symbol'))$util.urlEncode("😀")
c=$util.urlDecode("%E2%82%AC+%2B+%7E+a%20b")
d=$util.urlEncode($input.path("$['invoice no']"))
e=$util.urlEncode("")|$util.urlDecode("")|$util.base64Encode("")|$util.base64Decode("")|$util.escapeJavaScript("")"""),
    ("escape-javascript-edge-chars", INVOICE, r"""a=$util.escapeJavaScript("</script><b>'x'</b> \ / ""q"" end")
b=$util.escapeJavaScript($input.path('$.memo'))
c=$util.escapeJavaScript($input.path('$.lines[1].desc'))
d=$util.escapeJavaScript("tab	and
newline")"""),
    ("java-list-methods", INVOICE, r"""#set($lines = $input.path('$.lines'))
#set($descs = [])
#foreach($l in $lines)#set($ok = $descs.add($l.desc))#end
sub=$descs.subList(0, 2) idx=$descs.indexOf('x') has=$descs.contains($lines[0].desc) empty=$descs.isEmpty()
amounts=#set($a = $input.path('$.amounts'))$a.size() $a.get(0) $a[14] #set($a0 = $a.get(0))$a0.getClass().getSimpleName() #set($a14 = $a[14])$a14.getClass().getSimpleName()
contains=$a.contains(10000000) $a.contains(2147483647) $a.contains(0.001) $a.indexOf(2147483648)"""),
    ("java-map-methods", INVOICE, r"""#set($n = $input.path('$.nested.a'))
$n $n.keySet() $n.values() $n.entrySet() $n.containsKey('b') $n.containsValue(1) $n.size() $n.isEmpty()
#set($copy = {})#set($x = $copy.putAll($n))$copy.b.c
#set($x = $copy.remove('b'))removed=$x.c copy=$copy
#foreach($e in $input.path('$.nested.a.b').entrySet())$e.key=$e.value$e.getKey()#end"""),
    ("string-number-conversions", INVOICE, r"""#set($count = $input.path('$.count'))
#set($round = $input.params('round'))
len=$count.length() plus=#set($x = $count + 1)$x times=#set($y = $count * 2)[$y]
eq=#if($count == 3)num-eq#{else}num-ne#end #if($count == '3')str-eq#end
cmp=#if($round > 1)gt#{else}no-gt#end #if($round.compareTo('1') > 0)str-gt#end
int=#set($i = 0)#set($len = $round.length())#foreach($ch in [1..$len])#set($i = $i * 10 + 1)#end$i
concat=#set($s = "$count$round")$s #set($t = $s + 0)t=[$t]"""),
    ("regex-idioms", INVOICE, r"""#set($no = $input.path("$['invoice no']"))
year=$no.replaceAll('^INV-(\d{4})/(\d+)$', '$1') seq=$no.replaceAll('^INV-(\d{4})/(\d+)$', '$2')
swap=$no.replaceAll('(\w+)-(\d+)', '$2-$1') esc=$no.replaceAll('/', '\\/') dollar=$no.replaceAll('INV', '\$')
match=$no.matches('INV-\d{4}/\d{3}') split=$no.split('[-/]').size() limit=$no.split('-', -1).size()
case=$input.path('$.lines[0].desc').replaceAll('(?i)beratung', 'Consulting') first=$no.replaceFirst('\d', '#')
quote=$no.replace('/', '\/') trailing=$no.split('/', 0)[1] groups=$input.path('$.lines[1].desc').replaceAll('[^\p{ASCII}]', '?')"""),
    ("foreach-nulls-carry", BULK, r"""#foreach($r in $input.path('$'))
#set($price = $r.price)
#if($r.tags && $r.tags.size() > 0)#set($first = $r.tags[0])#{else}#set($first = $nothing)#end
#set($extra = $r.extra.k)
$r.id: price=[$price] first=[$first] extra=[$extra] stock=[$r.stock]#if(!$r.stock) no-stock#end

#end"""),
    ("foreach-maxloops-range", EMPTY, r"""#set($n = 0)
#foreach($i in [1..1500])#set($n = $n + 1)#end
n=$n
#foreach($i in [3..-2])$i #end
#foreach($i in [0..0])zero=$i#end"""),
    ("foreach-hasnext-trailing-comma", SHOP, r"""[
#foreach($i in $input.path('$.items'))
  {
    "sku": "$i.sku",
    "tags": [#foreach($t in $i.tags)"$t"#if($foreach.hasNext),#end#end],
    "attrs": {#foreach($e in $i.attrs.entrySet())"$e.key": "$!e.value"#if($foreach.hasNext),#end#end}
  }#if($foreach.hasNext),#end
#end
]"""),
    ("define-block-reuse", SHOP, r"""#define($customerJson){"id": $input.path('$.customer.id'), "name": "$util.escapeJavaScript($input.path('$.customer.name'))"}#end
#define($lineJson)#foreach($i in $input.path('$.items'))"$i.sku"#if($foreach.hasNext),#end#end#end
{"customer": $customerJson, "lines": [$lineJson], "again": $customerJson}"""),
    ("macro-disabled", SHOP, r"""#macro(attr $name $value)"$name": {"S": "$value"}#end
{#attr("id" $input.path('$.orderId'))}"""),
    ("evaluate-disabled", SHOP, r"""#set($tpl = 'Hello $input.path("$.customer.name")')
#evaluate($tpl)
done"""),
    ("set-override-twice", SHOP, r"""#set($context.responseOverride.status = 400)
#set($context.responseOverride.status = 401)
status"""),
    ("set-override-header-list", SHOP, r"""#set($context.responseOverride.header.X-Tags = $input.path('$.customer.tags'))
#set($context.requestOverride.header.X-Multi = ["a", "b"])
ok"""),
    ("override-status-string", SHOP, r"""#set($context.responseOverride.status = "418")
#set($context.responseOverride.header.X-Number = 7)
#set($context.requestOverride.querystring.n = 1.5)
$context.responseOverride.status $context.responseOverride.header.X-Number"""),
    ("escaped-references", SHOP, r"""{"template": "\$input.path('$.x')", "price": "\$$input.path('$.items[0].price')", "hash": "\#notadirective", "money": "$ 5", "amp": "a&b", "sharp": "C# and #1"}"""),
    ("whitespace-indented-directives", SHOP, r"""{
    #set($o = $input.path('$'))
    #if($o.gift)
        "gift": true,
    #else
        "gift": false,
    #end
    #foreach($i in $o.items)
        #if($foreach.first)
        "first": "$i.sku",
        #end
    #end
    "n": $o.items.size()
}
"""),
]
SCALAR_EVENTS = {
    kind: make_event(method="POST", path="/scalar", headers={"Content-Type": "application/json"}, body=body)
    for kind, body in SCALAR_BODIES.items()
}
WAVE2_RESPONSES: list[tuple[str, dict, str, str]] = [
    ("resp-invoice-double-printing", SHOP, INVOICE_BODY, r"""#foreach($a in $input.path('$.amounts'))$a #end
$input.json('$.amounts')"""),
    ("resp-lambda-error-newline", SHOP,
     r"""{"errorMessage": "Task timed out after 3.00 seconds\nat line 2", "errorType": "Sandbox.Timedout", "trace": null}""",
     r"""#set($m = $input.path('$.errorMessage'))
#if($m.contains('timed out'))#set($context.responseOverride.status = 504)#end
{"message": "$util.escapeJavaScript($m)", "firstLine": "$m.split('\n')[0]", "raw": $input.json('$.errorMessage'), "trace": "$input.path('$.trace')"}"""),
    ("resp-sfn-output-escaped-twice", SHOP,
     r"""{"status": "SUCCEEDED", "output": "\"{\\\"inner\\\":\\\"text\\\"}\""}""",
     r"""#set($o = $util.parseJson($input.path('$.output')))
level1=$o
#set($o2 = $util.parseJson($o))level2=$o2.inner
json=$input.json('$.output')"""),
]


#: Templates as they arrive from consoles and editors: tabs, trailing blanks after directives,
#: comment banners, CRLF line ends and a final newline or none.
LAYOUT_REQUESTS: list[tuple[str, dict, str]] = [
    ("layout-comment-banner", SHOP, "#**\n * Orders API - create order\n * Owner: team-orders\n *#\n#set($o = $input.path('$')) ## the body\n{\n\t\"id\": \"$o.orderId\", ## trailing comment\n\t\"n\": $o.items.size()\n}\n"),
    ("layout-trailing-blanks", SHOP, "#set($o = $input.path('$'))   \n#if($o.gift)  \n  gift\n#else\t\n  no gift\n#end  \n#foreach($i in $o.items) \n  $i.sku\n#end \ndone"),
    ("layout-tabs-nested", SHOP, "{\n\t\"items\": [\n\t\t#foreach($i in $input.path('$.items'))\n\t\t\t#if($i.qty > 1)\n\t\t\t{\"sku\": \"$i.sku\", \"bulk\": true}#if($foreach.hasNext),#end\n\t\t\t#else\n\t\t\t{\"sku\": \"$i.sku\"}#if($foreach.hasNext),#end\n\t\t\t#end\n\t\t#end\n\t]\n}"),
    ("layout-braced-directives", SHOP, "#{set}($o = $input.path('$'))#{if}($o.express)express#{elseif}($o.gift)gift#{else}standard#{end}\n#{foreach}($t in $o.customer.tags)${t}#{if}($foreach.hasNext)|#{end}#{end}\n"),
    ("layout-inline-sets", SHOP, "{#set($o = $input.path('$'))\"a\": \"$o.orderId\", #set($n = $o.items.size())\"n\": $n, #if($n > 2)\"many\": true#{else}\"many\": false#end}"),
    ("layout-comments-between", SHOP, "#set($x = 1)## one\n#set($y = 2)#* two *#\n#* block\n   spanning *# #set($z = 3)\n$x$y$z\n## last line comment"),
    ("layout-empty-lines", SHOP, "\n\n#set($o = $input.path('$'))\n\n\n{\"id\": \"$o.orderId\"}\n\n"),
]
#: Real templates also rendered with CRLF line ends (pasted from Windows editors).
CRLF_VARIANTS = (
    "ddb-put-item-full", "validation-required-fields", "cors-preflight-mock", "form-post-to-json",
    "lambda-nonproxy-full-passthrough", "whitespace-indented-directives", "layout-tabs-nested",
    "layout-trailing-blanks", "layout-comment-banner", "sqs-send-message-attributes",
)


NUMBERS_EVENT = make_event(
    method="POST",
    path="/numbers",
    body='{"inf": 1e400, "ninf": -1e400, "tiny": 1e-400, "lead": 0.1e1, "max": 1.7976931348623157E308, '
         '"ex": 12e2, "i": 5, "d": 2.0, "l": 3000000000, "bi": 99999999999999999999, '
         '"bd": 0.12345678901234567890, "s": "x", "t": true, "n": null, "arr": [1], "obj": {"k": 1}}',
)

#: Templates that change what $input.path handed out (enriching a body, appending to a list)
#: and read the payload again, plus the Java-side idioms found in the wild.
WAVE3_REQUESTS: list[tuple[str, dict, str]] = [
    ("aliasing-body-enrichment", SHOP, r"""#set($a = $input.path('$.customer'))#set($b = $a)#set($x = $b.put('name', 'changed'))$a.name $input.path('$.customer.name')
#set($items = $input.path('$.items'))#set($x = $items.add({'sku': 'NEW'}))$items.size() $input.path('$.items').size() $input.json('$.items[3]')
#set($first = $items[0])#set($x = $first.put('qty', 99))$items[0].qty $input.path('$.items[0].qty')"""),
    ("enrich-body-then-forward", SHOP, r"""#set($body = $input.path('$'))
#set($x = $body.put('requestId', $context.requestId))
#set($x = $body.put('user', $context.authorizer.claims.sub))
#set($x = $body.remove('coupon'))
{"keys": "$body.keySet()", "original": $input.json('$.customer'), "hasRequestId": #if($input.path('$.requestId'))true#{else}false#end, "n": $input.path('$').size()}"""),
    ("enrich-items-in-loop", BULK, r"""#set($rows = $input.path('$'))
#foreach($r in $rows)#set($x = $r.put('index', $foreach.index))#end
#foreach($r in $input.path('$'))$r.name=[$!r.index] #end
$input.json('$[0]')"""),
    ("ddb-type-by-class", NUMBERS_EVENT, r"""#set($o = $input.path('$'))
#foreach($k in $o.keySet())#set($v = $o.get($k))"$k": #if($v.class.name == 'java.lang.String'){"S": "$v"}#elseif($v.class.name == 'java.lang.Boolean'){"BOOL": $v}#elseif("$!v" == ""){"NULL": true}#elseif($v.class.simpleName == 'JSONArray'){"L": $v}#elseif($v.class.simpleName == 'LinkedHashMap'){"M": $v}#else{"N": "$v"}#end
#end"""),
    ("number-classes", NUMBERS_EVENT, r"""#foreach($k in $input.path('$').keySet())#set($v = $input.path('$').get($k))$k=$v.class.name|$v.getClass().getSimpleName()
#end"""),
    ("double-edge-values", NUMBERS_EVENT, r"""#set($o = $input.path('$'))inf=$o.inf ninf=$o.ninf tiny=$o.tiny lead=$o.lead max=$o.max ex=$o.ex bd=$o.bd bi=$o.bi
split=$o.lead.toString().split('\.')[0] int=$o.max.intValue() long=$o.max.longValue() infint=$o.inf.intValue()
json=$input.json('$.inf') $input.json('$.bd') $input.json('$.tiny')
#set($x = $o.d * 3)$x #set($x = $o.i / $o.d)$x #set($x = $o.l * $o.l)$x #set($x = $o.bi + $o.i)$x #set($x = $o.bd * 2)$x #set($x = $o.bd + $o.d)$x"""),
    ("string-format-trick", NUMBERS_EVENT, r"""#set($f = "%.2f")$f.format($f, $input.path('$.d')) $f.format("%05d", $input.path('$.i')) $f.format("%s-%s", "a", "b") $f.format("%,d", $input.path('$.l'))"""),
    ("number-equality-mixed", NUMBERS_EVENT, r"""#set($o = $input.path('$'))#if($o.i == 5.0)a#end #if($o.d == 2)b#end #if($o.l == 3000000000)c#end #if($o.bi > $o.l)d#end #if($o.t == 'true')e#end #if($o.s == $o.i)f#end #if($o.n == $o.missing)g#end #if($o.arr == '[1]')h#end #if($o.obj == '{k=1}')i#end #if($o.i < 'x')j#end"""),
    ("char-arrays", SHOP, r"""#set($n = $input.path('$.orderId'))#foreach($c in $n.toCharArray())$c.#end $n.toCharArray().size()
#foreach($p in $n.split('-'))[$p]#end"""),
    ("foreach-parent-and-break", SHOP, r"""#foreach($i in $input.path('$.items'))#foreach($t in $i.tags)$foreach.parent.index/$foreach.index:$t $velocityCount #end#end
#foreach($i in [1..3])#if($i == 2)#break($foreach)#end$i#end"""),
    ("divide-by-zero-keeps-value", SHOP, r"""#set($x = 10)#set($x = $x / 0)$x #set($y = 7)#set($y = $y % 0)$y #set($z = 1.5)#set($z = $z / 0)$z #set($w = 0.0)#set($w = $w / 0)$w"""),
    ("parse-json-odd-inputs", SHOP, r"""a=[$util.parseJson('')] b=[$util.parseJson('not json')] c=[$util.parseJson('{"a":1,}')] d=[$util.parseJson('[1,2,]')] e=[$util.parseJson("{'a':'b'}")] f=[$util.parseJson('123abc')] g=[$util.parseJson('"\u00e9"')]"""),
    ("request-override-body-echo", SHOP, r"""#set($context.requestOverride.path.body = $input.body)
#set($b = $util.parseJson($context.requestOverride.path.body))$b.orderId $b.items.size()"""),
    ("list-set-and-remove", SHOP, r"""#set($t = $input.path('$.customer.tags'))#set($x = $t.set(0, 'VIP'))$x $t #set($t[1] = 'BETA')$t #set($x = $t.remove('VIP'))$x $t $input.path('$.customer.tags')"""),
]


SCAN_IDS = make_event(method="POST", path="/ids", body=json.dumps({"ids": [f"i-{n}" for n in range(1205)], "Count": 1205}))
SCAN_ITEMS = make_event(method="POST", path="/scan", body=json.dumps(
    {"Items": [{"id": {"S": f"i-{n}"}, "n": {"N": str(n)}} for n in range(1205)], "Count": 1205}))

#: Lists past the 1000-iteration #foreach quota: the loop stops quietly, and $foreach.hasNext is
#: still true on the last iteration it runs.
QUOTA_REQUESTS: list[tuple[str, dict, str]] = [
    ("foreach-quota-ids", SCAN_IDS, r"""#set($c = 0)
[#foreach($id in $input.path('$.ids'))"$id"#if($foreach.hasNext),#end#set($c = $c + 1)#end]
c=$c count=$input.path('$.Count') size=$input.path('$.ids').size() last=$input.path('$.ids[-1:]')"""),
    ("foreach-quota-nested", SCAN_IDS, r"""#set($c = 0)#foreach($a in [1..3])#foreach($id in $input.path('$.ids'))#set($c = $c + 1)#end#end$c"""),
    ("ddb-scan-page-over-quota", SCAN_ITEMS, r"""#set($c = 0)
{"items": [#foreach($it in $input.path('$.Items'))"$it.id.S"#if($foreach.hasNext),#end#set($c = $c + 1)#end], "rendered": $c, "count": $input.path('$.Count')}"""),
]


MTLS = make_event(
    method="GET",
    path="/secure",
    identity={
        "clientCert": {
            "clientCertPem": "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----",
            "subjectDN": "CN=client.example.com,O=Example Corp,C=DE",
            "issuerDN": "CN=Example Private CA",
            "serialNumber": "a1:b2:c3:d4",
            "validity": {"notBefore": "May 28 12:30:02 2019 GMT", "notAfter": "Aug  5 09:36:04 2030 GMT"},
        },
        "apiKey": "k-1", "apiKeyId": "kid-1", "accountId": "999999999999", "caller": "AROAEXAMPLE:session",
        "userArn": "arn:aws:sts::999999999999:assumed-role/reader/session", "user": "AROAEXAMPLE:session",
    },
)
UNICODE = make_event(method="POST", path="/u", body=json.dumps(
    {"name": "Straße İstanbul ǅ ﬁ", "emoji": "👍🏽 thumbs 🇩🇪", "csv": "a,b,,c,,", "spaces": " a  b ",
     "tabs": "x\ty\u00a0z\u2003w", "greek": "ΣΊΣΥΦΟΣ", "mixed": "MiXeD-Case_id"}, ensure_ascii=False))

#: Bodies clients really send, through the passthrough idioms ($input.json('$') and its escaped
#: form), as a method request and as an integration response.
CLIENT_BODIES = {
    "dupkeys": '{"a": 1, "b": 2, "a": 3}',
    "numbers": '{"a": 1e3, "b": 1E+2, "c": -0, "d": 0.1e1, "e": 1.0, "f": 100, "g": 12345678901234567890, '
               '"h": 0.12345678901234567890123, "i": -1.5e-10, "j": 1e400, "k": 9007199254740993, "l": 2147483648, '
               '"m": 1.0000000000000001}',
    "escapes": '{"s": "caf\\u00e9 \\/ \\" \\\\ \\b\\f\\n\\r\\t \\u2028 \\u001f \\u007f \\u0080 \\u00a0 \\u20ac \\u2100 '
               '\\ud83d\\ude00 \\uFFFF"}',
    "raw-unicode": '{"s": "café € ✓ 😀 \u2028 \u0085"}',
    "lenient": "{a: 1, 'b': 'two', c: [x, y z], d: true, e: null, f: NaN, g: 'it''s'}",
    "trailing-comma": '{"a": [1, 2,], "b": {"c": 1,},}',
    "bom": '\ufeff{"a": 1}',
    "leading-ws": '\n\t  {"a": 1}\n\n',
    "array-root": '[1, "a", null, true, {"b": []}]',
    "nested-empty": '{"a": {}, "b": [], "c": [{}], "d": [[]], "e": ""}',
    "control-raw": '{"s": "line1\nline2\ttab"}',
    "comment": '{"a": 1 /* c */, "b": 2}',
    "true-caps": '{"a": True, "b": FALSE}',
    "empty-key": '{"": 1, " ": 2}',
    "unquoted-values": '{"a": hello world, "b": 12abc, "c": -}',
    "big-exp": '{"a": 1e-400, "b": -1E400, "c": 5e-324, "d": 1.7976931348623157e308}',
    "ints": '{"a": 00, "b": -00, "c": 01}',
    "number-root": "  -12.50  ",
    "spaces-in-keys": '{"first name": "a", "x/y": "b", "é": "c"}',
}
CLIENT_BODY_TEMPLATE = r"""json=$input.json('$')
esc=$util.escapeJavaScript($input.json('$')).replaceAll("\\'","'")
path=$input.path('$')
b64=$util.base64Encode($input.json('$'))"""

_SWEEP_PATHS = (
    "$.items[*]", "$.items[0:1]", "$.items[:2].sku", "$.items[1:].sku", "$.customer.*", "$..name", "$..size",
    "$..[0]", "$.items[*].attrs.*", "$.items[?(@.attrs.size == 'L')].sku", "$.missing[*]", "$.items[5]",
    "$.items[-5]", "$.customer[*]", "$.items.*.sku", "$[0]", "$.items['sku']", "$.items[*]['sku','qty']",
    "$.matrix[*][*]", "$.matrix[1][*]", "$..matrix..[1]", "$.items[?(@.price > 1 && @.qty < 5)].name",
    "$.items[?(!@.tags)]", "$.items[?(@.tags.length() > 0)].sku", "$.items[?(@.sku =~ /sku-\\d/i)].sku",
    "$.items[?(@.qty in [2, 3])].sku", "$.items[?(@.qty nin [2])].sku", "$.items[?(@.attrs.color)].sku",
    "$.items[?(@.attrs.color == null)].sku", "$.items[(@.length-1)]", "$['orderId', 'count']",
    "$.customer['name','email']", "$.*", "$..*", "$.items[*].qty.sum()", "$.items.length()",
    "$.customer.tags.length()", "$.items[?(@.price)].price", "$.items[?(@.price == 1)].sku",
    "$.items[?(@.price == 1.0)].sku", "$.items[?(@.name == 'Café ☕')].sku", "$.notes[*]", "$.meta.*", "$.count",
    "$.gift", "$.coupon",
)
JSONPATH_SWEEP = "\n".join(f'{p} => $input.json("{p}") | [$input.path("{p}")]' for p in _SWEEP_PATHS)

WAVE4_REQUESTS: list[tuple[str, dict, str]] = [
    ("mtls-client-cert", MTLS, r"""#set($cert = $context.identity.clientCert)
{
  "subject": "$cert.subjectDN",
  "cn": "$cert.subjectDN.replaceAll('^CN=([^,]+).*$', '$1')",
  "org": "#foreach($part in $cert.subjectDN.split(','))#if($part.startsWith('O='))$part.substring(2)#end#end",
  "issuer": "$cert.issuerDN",
  "serial": "$cert.serialNumber.replace(':', '').toUpperCase()",
  "notAfter": "$cert.validity.notAfter",
  "expiresIn2030": $cert.validity.notAfter.contains('2030'),
  "pemLines": $cert.clientCertPem.split('\n').size(),
  "caller": "$context.identity.caller",
  "role": "$context.identity.userArn.split('/')[1]",
  "apiKeyId": "$context.identity.apiKeyId"
}"""),
    ("unicode-case-mapping", UNICODE, r"""#set($o = $input.path('$'))$o.name.toUpperCase()|$o.name.toLowerCase()|$o.greek.toLowerCase()|$o.mixed.toLowerCase().replace('_', '-')|$o.name.length()"""),
    ("unicode-emoji-slicing", UNICODE, r"""#set($e = $input.path('$.emoji'))len=$e.length() sub=[$e.substring(0, 1)] sub2=[$e.substring(0, 2)] idx=$e.indexOf('thumbs') char=[$e.charAt(1)] up=$e.toUpperCase() esc=$util.escapeJavaScript($e) url=$util.urlEncode($e.substring(0, 2))"""),
    ("csv-and-whitespace-splitting", UNICODE, r"""#set($o = $input.path('$'))$o.csv.split(',').size() $o.csv.split(',', -1).size() $o.spaces.split(' ').size() [$o.spaces.split(' ')[0]] $o.spaces.trim().split('\s+').size() $o.tabs.split('\s').size() $o.tabs.trim() [$o.tabs.replaceAll('\s', '_')] [$o.tabs.replaceAll('\p{Z}', '_')]
#foreach($f in $o.csv.split(','))[$f]#end"""),
    ("regex-unicode-classes", UNICODE, r"""#set($o = $input.path('$'))$o.name.matches('.*\p{Lu}.*') $o.name.replaceAll('[^\w ]', '?') $o.name.replaceAll('(?U)[^\w ]', '?') $o.emoji.replaceAll('[^\x00-\x7F]', '') $o.greek.matches('(?i)σίσυφος') $o.greek.equalsIgnoreCase('σίσυφος')"""),
    ("string-compare-and-hash", UNICODE, r"""#set($o = $input.path('$'))#if($o.mixed > 'a')gt#end $o.mixed.compareTo('MiXeD') $o.mixed.compareToIgnoreCase('mixed-case_id') $o.mixed.hashCode() $o.emoji.hashCode() $o.mixed.contentEquals('x') $o.mixed.regionMatches(true, 0, 'mix', 0, 3)"""),
    ("jsonpath-sweep", SHOP, JSONPATH_SWEEP),
    ("util-decode-partial-utf8", SHOP, r"""c=$util.urlDecode('%E2%82') d=$util.urlDecode('a+b%2Bc') e=$util.urlDecode('%C3%A9%20%F0%9F%98%80') f=$util.base64Decode('/w==')|$util.base64Decode('wyg=')|$util.base64Decode('7aCA')"""),
    ("util-null-arguments", SHOP, r"""a=[$util.escapeJavaScript($input.params('none'))] b=[$util.escapeJavaScript($input.path('$.coupon'))] c=[$util.urlEncode($input.path('$.coupon'))] d=[$util.base64Encode($input.path('$.nothing'))] e=[$util.parseJson($input.path('$.coupon'))]"""),
    ("util-parse-json-of-path", SHOP, r"""a=[$util.parseJson($input.json('$.items'))] b=[$util.parseJson($input.path('$.orderId'))] c=[$util.parseJson($input.json('$.orderId'))]"""),
    ("mistake-url-decode-trailing-percent", SHOP, r"""{"discount": "$util.urlDecode('100%')"}"""),
    ("mistake-base64-urlsafe-jwt", SHOP, r"""{"payload": "$util.base64Decode('eyJzdWIiOiIxMjM0In0-_8')"}"""),
]


ANONYMOUS = make_event(
    method="POST",
    path="/orders",
    headers={"Content-Type": "application/json", "Host": "api.example.com"},
    body='{"orderId": "o-9", "tags": ["a", null, "c"], "note": null}',
    stage_variables={"topicArn": "arn:aws:sns:us-east-1:123456789012:orders"},
)

#: Real nulls reaching $util: an index into the "" an absent authorizer reads as (a template
#: tested from the console, where no authorizer runs) and null list elements.
NULL_ARGUMENT_REQUESTS: list[tuple[str, dict, str]] = [
    ("sns-publish-without-authorizer", ANONYMOUS, r"""Action=Publish&TopicArn=$util.urlEncode($stageVariables.topicArn)&Message=$util.urlEncode($input.json('$'))&MessageAttributes.entry.1.Name=tenant&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=$util.urlEncode($context.authorizer.claims['custom:tenant'])"""),
    ("claims-escaped-without-authorizer", ANONYMOUS, r"""{"user": "$util.escapeJavaScript($context.authorizer.claims['cognito:username'])", "sub": "$context.authorizer.claims.sub"}"""),
    ("kinesis-key-without-authorizer", ANONYMOUS, r"""{"Data": "$util.base64Encode($input.json('$'))", "PartitionKey": "$util.base64Encode($context.authorizer['principalId'])"}"""),
    ("url-encode-null-list-element", ANONYMOUS, r"""Action=SendMessage#foreach($t in $input.path('$.tags'))&Tag.$foreach.count=$util.urlEncode($t)#end"""),
    ("escape-null-list-element", ANONYMOUS, r"""[#foreach($t in $input.path('$.tags'))"$util.escapeJavaScript($t)"#if($foreach.hasNext),#end#end]"""),
]
for _function in ("urlEncode", "urlDecode", "base64Encode", "base64Decode", "parseJson", "escapeJavaScript"):
    NULL_ARGUMENT_REQUESTS.append(
        (f"util-null-from-index-{_function}", ANONYMOUS, f"#set($s = 'abc')[$util.{_function}($s['x'])]"))


#: Loops and lookups built from variables: JSONPath with an interpolated value, index ranges,
#: formal references around method calls, legacy loop variables.
WAVE6_REQUESTS: list[tuple[str, dict, str]] = [
    ("formal-references-with-calls", SHOP, r"""[$!{input.params('nope')}] [${input.path('$.orderId')}] [${input.params().header.Origin}] [$!{context.authorizer.claims.email}]"""),
    ("jsonpath-with-interpolated-value", SHOP, r"""#foreach($sku in ['SKU-1', 'SKU-3', 'X'])$sku=$input.json("$.items[?(@.sku == '$sku')].qty") #end"""),
    ("index-range-loop", SHOP, r"""#set($n = $input.path('$.items').size() - 1)#foreach($i in [0..$n])$input.path("$.items[$i].sku")#if($i < $n),#end#end"""),
    ("index-range-loop-reverse", SHOP, r"""#set($n = $input.path('$.items').size() - 1)#foreach($i in [$n..0])$input.json("$.items[$i].price") #end"""),
    ("params-get-chain", SHOP, r"""$input.params().get('header').get('Origin') $input.params().get('querystring').get('tag') $input.params().path.get('userId')"""),
    ("overrides-read-before-set", SHOP, r"""[$context.requestOverride.header.X] [$context.responseOverride.status] [$context.responseOverride.header.get('X')]"""),
    ("escape-crlf-body", make_event(method="POST", path="/x", body='{\r\n  "a": "b\\r\\n"\r\n}'),
     r"""$util.escapeJavaScript($input.body)|$input.json('$')|$input.body.length()"""),
    ("legacy-velocity-has-next", SHOP, r"""#foreach($i in $input.path('$.items'))$i.sku#if($velocityHasNext),#end#end"""),
    ("nested-foreach-same-variable", SHOP, r"""#foreach($i in $input.path('$.items'))#foreach($i in $i.tags)$i#end|$i.sku #end"""),
    ("set-inside-foreach-outlives-it", SHOP, r"""#foreach($i in $input.path('$.items'))#set($last = $i.sku)#end$last $i"""),
    ("map-literal-with-interpolation", SHOP, r"""#set($m = {"id": "$input.path('$.orderId')", "n": $input.path('$.items').size(), "t": $input.path('$.gift'), "l": [$input.path('$.count'), "x"]})$m $m.n.class.simpleName"""),
    ("string-building-in-set", SHOP, r"""#set($a = "x")#set($a = "$a-$input.path('$.orderId')")#set($a = $a + "-" + 5)$a"""),
]


#: Backslashes, dollars and hashes as templates carry them in JSON text and string literals.
ESCAPING_REQUESTS: list[tuple[str, dict, str]] = [
    ("mistake-backslash-quote-in-string", SHOP, r"""#set($j = "{\"a\": 1}")$j"""),
    ("backslash-quote-in-single-quotes", SHOP, r"""#set($j = '{\"a\": 1}')$j $util.parseJson($j).a"""),
    ("backslashes-in-json-text", SHOP, r"""{"msg": "say \"hi\"", "path": "C:\\temp", "esc": "\$input"}"""),
    ("backslashes-before-references", SHOP, r"""\$input.path('$.orderId') \\$input.path('$.orderId') \\\$input.path('$.orderId')"""),
    ("backslashes-before-directives", SHOP, r"""\#set($x = 1) \\#set($y = 2)[$y] \#if(true)x\#end"""),
    ("mistake-dollar-bang-at-end", SHOP, r"""Total: $$input.path('$.total') USD, $5.00, $ 5, $-x, ${}, $!"""),
    ("hashes-in-text", SHOP, r"""#1 ## comment
# heading #
color: #fff; #{notdirective} done"""),
]


def cases() -> Cases:
    out = Cases()
    for name, template in TEMPLATES.items():
        out.add(name, template, event=EVENT)
        out.add(f"{name}-crlf", template.replace("\n", "\r\n"), event=EVENT)
    bare = {"httpMethod": "GET", "resource": "/", "path": "/"}
    for name in ("passthrough", "empty-checks", "query-flags", "totals"):
        out.add(f"{name}-bare-event", TEMPLATES[name], event=bare)
    for name, template in RESPONSES.items():
        out.add(name, template, event=EVENT, response_body=RESPONSE_BODY)
    for name, event, template in REAL_REQUESTS + MORE_REQUESTS + MISTAKES:
        out.add(name, template, event=event, mask=name in MASKED)
    for name, event, body, template in REAL_RESPONSES + MORE_RESPONSES:
        out.add(name, template, event=event, response_body=body)
    for name, event, template in WAVE2_REQUESTS:
        out.add(name, template, event=event)
    for name, event, body, template in WAVE2_RESPONSES:
        out.add(name, template, event=event, response_body=body)
    for kind, event in SCALAR_EVENTS.items():
        out.add(f"body-{kind}", SCALAR_TEMPLATE, event=event)
    for kind, body in SCALAR_BODIES.items():
        out.add(f"resp-body-{kind}", SCALAR_TEMPLATE, event=SHOP, response_body=body)
    for name, event, template in LAYOUT_REQUESTS:
        out.add(name, template, event=event)
    requests = {name: (event, template) for name, event, template in
                REAL_REQUESTS + MORE_REQUESTS + WAVE2_REQUESTS + LAYOUT_REQUESTS}
    for name in CRLF_VARIANTS:
        event, template = requests[name]
        out.add(f"{name}-crlf", template.replace("\n", "\r\n"), event=event)
    for name, event, template in WAVE3_REQUESTS:
        out.add(name, template, event=event)
    for name, event, template in QUOTA_REQUESTS:
        out.add(name, template, event=event)
    for name, event, template in WAVE4_REQUESTS:
        out.add(name, template, event=event)
    for kind, body in CLIENT_BODIES.items():
        client = make_event(method="POST", path="/passthrough", body=body)
        out.add(f"client-body-{kind}", CLIENT_BODY_TEMPLATE, event=client)
        out.add(f"resp-client-body-{kind}", CLIENT_BODY_TEMPLATE, event=SHOP, response_body=body)
    for name, event, template in NULL_ARGUMENT_REQUESTS:
        out.add(name, template, event=event)
    for name, event, template in WAVE6_REQUESTS:
        out.add(name, template, event=event)
    # #set($x.m(args) = v) sets the property named m: on an override map, an override "m"
    out.add("set-override-through-method-name",
            "#set($context.requestOverride.header.put('X-A', 1) = 'v')#set($context.responseOverride.status() = 201)"
            "#set($context.responseOverride.header.get('b') = 'w')$context.requestOverride.header $context.responseOverride",
            event=EVENT)
    for name, event, template in ESCAPING_REQUESTS:
        out.add(name, template, event=event)
    return out
