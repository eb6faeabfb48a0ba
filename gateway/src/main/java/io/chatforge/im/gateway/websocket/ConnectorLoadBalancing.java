package io.chatforge.im.gateway.websocket;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Configuration;

/** WebSocket connections are spread round-robin over the connector instances. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = "connector-service", configuration = ConnectorInstances.class)
class ConnectorLoadBalancing {}
