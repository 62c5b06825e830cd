package org.modhub.moderation.bench;

import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * The baseline of a service's footprint (issue 27): a plain JVM started with the services' JVM options that does
 * nothing but answer {@code 200} to every request on the port it is given (the JDK's own HTTP server, polled like
 * {@code /q/health/ready}), then sleeps. Its start to first answer, idle CPU and idle RSS are what the JVM alone costs.
 */
public final class IdleJvm {

    private IdleJvm() {}

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        Thread.currentThread().join(); // idles until the bench kills it
    }
}
