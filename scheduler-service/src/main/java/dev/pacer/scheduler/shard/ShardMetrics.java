package dev.pacer.scheduler.shard;

/** What operators alert on about shard leases: changes of hands, and losses in particular. */
interface ShardMetrics {

    void leaseAcquired();

    void leaseReleased();

    /** A lease expired and another instance took it: this instance stalled or lost Redis. */
    void leaseLost();

    ShardMetrics NONE = new ShardMetrics() {
        @Override
        public void leaseAcquired() {
        }

        @Override
        public void leaseReleased() {
        }

        @Override
        public void leaseLost() {
        }
    };
}
