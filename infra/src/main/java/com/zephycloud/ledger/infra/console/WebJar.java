package com.zephycloud.ledger.infra.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * A front-end library packaged as a WebJar. Its version is read from the jar's own Maven
 * metadata, so pom.xml is the one place that names it and the console's paths never do.
 */
record WebJar(String name, String groupId, String artifactId) {

    /** The classpath folder of the library's files, e.g. {@code META-INF/resources/webjars/echarts/5.3.1/}. */
    String location() {
        return "classpath:/META-INF/resources/webjars/" + artifactId + "/" + version() + "/";
    }

    String version() {
        String metadata = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJar.class.getClassLoader().getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + groupId + ":" + artifactId + " is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
