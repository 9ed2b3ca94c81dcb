"""apigw-vtl: render Amazon API Gateway mapping templates exactly as AWS does."""
