"""Speed and memory benchmarks of apigw-vtl against hand-written Python (the targets) and,
when installed, airspeed-ext and velocityjs (reference figures).

Run ``python -m benchmarks``; see ``benchmarks/README.md`` for the workloads.
"""
