#!/usr/bin/env python3
"""Shares of CPU samples per stage of the message path, from the collapsed stacks scripts/profile.sh writes.

Each stack goes to the first stage whose pattern it contains (so the order below matters); multiply a
share by the process's CPU microseconds per delivered message (the benchmark's report) for the stage's
microseconds per message. Usage: profile-stages.py <dir with <process>.collapsed or .collapsed.gz>
"""
import gzip
import pathlib
import sys

JVM = [
    ("JIT compiler", ("CompileBroker", "C2Compiler", "C1Compiler", "Compilation::")),
    ("GC", ("GCTaskThread", "G1", "SerialHeap", "ParallelGC", "GenCollect", "WorkerThread::run", "ConcurrentGCThread")),
]
STAGES = {
    "connector-service": JVM + [
        ("out: im.deliver consumer -> sessions", ("DeliveryListener", "SessionRegistry.deliver", "ClientSession.send")),
        ("in: frame checks -> Kafka producer", ("ClientFrameHandler", "InboundForwarder", "KafkaSender", "InboundPublisher")),
        ("in: Kafka producer I/O", ("kafka/clients/producer", "kafka.clients.producer")),
        ("out: Kafka consumer I/O", ("kafka/clients/consumer", "kafka.clients.consumer")),
        ("WebSocket I/O (Netty, both ways)", ("io/netty", "io.netty", "reactor/netty", "reactor.netty")),
        ("routes, presence (Redis)", ("lettuce", "RouteRegistry", "Presence")),
    ],
    "message-service": JVM + [
        ("store: transaction, INSERT, commit (JDBC)", ("ConversationLog", "MessageAppender", "mariadb", "mysql", "Hikari", "jdbc", "Transaction")),
        ("route + push: Redis lookups, im.deliver records", ("push/Push", "push.Push", "RouteLookup", "OnlineFlags", "DeliveryPublisher", "lettuce")),
        ("relation checks (local view)", ("Relation",)),
        ("ingest: records -> drafts, JSON", ("InboundListener", "SendIngestor", "CursorIngestor", "jackson")),
        ("Kafka producer I/O", ("kafka/clients/producer", "kafka.clients.producer")),
        ("Kafka consumer I/O (im.inbound)", ("kafka/clients/consumer", "kafka.clients.consumer", "KafkaMessageListenerContainer")),
        ("presence and social events", ("Presence", "Social")),
    ],
    "gateway": JVM + [
        ("WebSocket relay (Netty both ways)", ("WebsocketRoutingFilter", "io/netty", "io.netty", "reactor")),
    ],
    "kafka": JVM + [
        ("produce: log append", ("handleProduceRequest", "appendRecords", "LogSegment", "UnifiedLog.append")),
        ("fetch: read, send", ("handleFetchRequest", "fetchRecords", "FetchSession", "sendfile", "transferTo")),
        ("network threads", ("SocketServer", "Processor", "Selector")),
    ],
    "load-generator": JVM + [
        ("JSON of frames", ("jackson",)),
        ("WebSocket client (JDK)", ("jdk/internal/net/http", "jdk.internal.net.http")),
        ("bookkeeping (histograms, maps)", ("Recorder", "Histogram", "ConcurrentHashMap")),
    ],
}


def stages_of(process, path):
    totals = {}
    samples = 0
    text = gzip.decompress(path.read_bytes()).decode() if path.suffix == ".gz" else path.read_text()
    for line in text.splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        samples += n
        stage = "other"
        for name, patterns in STAGES.get(process, JVM):
            if any(p in stack for p in patterns):
                stage = name
                break
        totals[stage] = totals.get(stage, 0) + n
    return samples, totals


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for path in sorted(list(folder.glob("*.collapsed")) + list(folder.glob("*.collapsed.gz"))):
        process = path.name.split(".")[0]
        samples, totals = stages_of(process, path)
        if samples == 0:
            continue
        print(f"{process}: {samples} samples")
        for stage, n in sorted(totals.items(), key=lambda kv: -kv[1]):
            print(f"  {100.0 * n / samples:5.1f} %  {stage}")


if __name__ == "__main__":
    main()
