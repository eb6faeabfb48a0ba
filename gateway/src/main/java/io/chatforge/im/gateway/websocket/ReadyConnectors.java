package io.chatforge.im.gateway.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The connector instances that answered their readiness probe last time, asked every interval
 * (1 s by default): a connector that died or is draining stops getting new connections within about
 * a second, so its clients' reconnects land on a live one instead of failing half the time and
 * backing off. Until the first answers every instance counts as ready; when none is, all are
 * offered (a broken probe must not take the whole socket entry down).
 */
final class ReadyConnectors implements ServiceInstanceListSupplier, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ReadyConnectors.class);

    private final List<ServiceInstance> instances;
    private final Function<ServiceInstance, Mono<Boolean>> probe;
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final Disposable probing;

    ReadyConnectors(
            List<ServiceInstance> instances, Function<ServiceInstance, Mono<Boolean>> probe, Duration interval) {
        this.instances = List.copyOf(instances);
        this.probe = probe;
        this.probing = instances.size() < 2 || interval.isZero()
                ? null // nothing to choose between (e.g. one Kubernetes Service URL)
                : Flux.interval(interval, interval)
                        .onBackpressureDrop()
                        .concatMap(tick -> probeAll())
                        .subscribe();
    }

    @Override
    public String getServiceId() {
        return "connector-service";
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(current());
    }

    List<ServiceInstance> current() {
        List<ServiceInstance> live = instances.stream()
                .filter(i -> ready.getOrDefault(i.getInstanceId(), true))
                .toList();
        return live.isEmpty() ? instances : live;
    }

    /** One round of probes, all at once; a probe that fails or errs marks its instance not ready. */
    Mono<Void> probeAll() {
        return Flux.fromIterable(instances)
                .flatMap(instance -> probe.apply(instance)
                        .onErrorReturn(false)
                        .defaultIfEmpty(false)
                        .doOnNext(ok -> mark(instance, ok)))
                .then();
    }

    private void mark(ServiceInstance instance, boolean ok) {
        Boolean before = ready.put(instance.getInstanceId(), ok);
        if (before == null ? !ok : before != ok) {
            log.info(
                    "connector {} ({}:{}) is {}",
                    instance.getInstanceId(),
                    instance.getHost(),
                    instance.getPort(),
                    ok ? "ready again" : "not ready: no new connections go to it");
        }
    }

    @Override
    public void destroy() {
        if (probing != null) {
            probing.dispose();
        }
    }
}
