package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments of each processor this instance may claim: its fair share among the live
 * instances ({@link ProcessorInstances}). Axon's pooled processors claim unclaimed segments up to
 * this number and release those above it, every token claim interval: a claim is never taken from
 * another instance, so when an instance joins the others release their surplus for it, and when
 * one dies (its row and its claims time out) the others' shares grow over its segments. With S
 * segments and N instances each gets S / N, and the first S mod N (in name order) one more, so
 * that the shares add up to S exactly and none is left without when there are enough segments.
 */
public class FairShare implements MaxSegmentProvider {

    private final JdbcTemplate jdbc;
    private volatile ProcessorInstances instances;
    private final Map<String, Integer> segments = new ConcurrentHashMap<>();

    public FairShare(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void instances(ProcessorInstances instances) {
        this.instances = instances;
    }

    /** Reads each processor's number of segments from the token store (they change only by a split or merge). */
    public void refresh() {
        jdbc.query("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name",
                row -> {
                    segments.put(row.getString(1), row.getInt(2));
                });
    }

    @Override
    public int getMaxSegments(String processor) {
        Integer total = segments.get(processor);
        ProcessorInstances known = instances;
        if (total == null || known == null) {
            return Short.MAX_VALUE; // not known yet: claim what is free, as Axon does by default
        }
        List<String> live = known.live();
        int rank = Math.max(0, live.indexOf(known.self()));
        return share(total, live.size(), rank);
    }

    static int share(int segments, int instances, int rank) {
        return segments / instances + (rank < segments % instances ? 1 : 0);
    }
}
