-- The periods in which each machine is offered, [valid_from_us, valid_to_us) as its versions:
-- "which machines does a provider offer at T, and how many" becomes one short index range over
-- a row per period, whatever the number of versions. It replaces catalog_machine (one row per
-- machine ever created), which made the count cost a version lookup per machine.

CREATE TABLE catalog_machine_period (
    provider      VARCHAR(64)  NOT NULL,
    machine       VARCHAR(128) NOT NULL,
    valid_from_us BIGINT       NOT NULL,
    valid_to_us   BIGINT,
    PRIMARY KEY (provider, machine, valid_from_us)
);

-- A period is a run of versions each starting where the previous one ends: it starts at a
-- version no other version ends at, and ends where the first later version that no other
-- version follows ends.
INSERT INTO catalog_machine_period (provider, machine, valid_from_us, valid_to_us)
SELECT s.provider, s.machine, s.valid_from_us,
       (SELECT e.valid_to_us FROM catalog_machine_version e
         WHERE e.provider = s.provider AND e.machine = s.machine
           AND e.valid_from_us = (SELECT min(l.valid_from_us) FROM catalog_machine_version l
                                   WHERE l.provider = s.provider AND l.machine = s.machine
                                     AND l.valid_from_us >= s.valid_from_us
                                     AND NOT EXISTS (SELECT 1 FROM catalog_machine_version n
                                                      WHERE n.provider = l.provider AND n.machine = l.machine
                                                        AND n.valid_from_us = l.valid_to_us)))
  FROM catalog_machine_version s
 WHERE NOT EXISTS (SELECT 1 FROM catalog_machine_version p
                    WHERE p.provider = s.provider AND p.machine = s.machine AND p.valid_to_us = s.valid_from_us);

DROP TABLE catalog_machine;
