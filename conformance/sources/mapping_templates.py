"""Realistic API Gateway mapping templates, rendered against full proxy events."""

from __future__ import annotations

import json

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
    return out
