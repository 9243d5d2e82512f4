package com.zephycloud.ledger.query.audit;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of docs/ledger-chain.md, to the last hex digit. */
class ChainEncodingTest {

    private static final String H1 = "a6da67267e22c480861650470419a1e0e81cb9fd59b1191ed892395bf43210f6";
    private static final String H2 = "57780f115aadbed5454400c1969f328bf5978ef51b8036a1579daeb856f25849";
    private static final String H8 = "e7e8d2f66d078ebcafb9e5e9475756ead94a4d34f1be5b5e7502f0f50de31422";
    private static final String H9 = "e5b58a2520d11fd564b5a0ed9cfcdaf335121a15d2a4efff2d8282ac9ee8e29f";
    private static final String ROOT = "3fc007d11046df4f85740747988ade016312ee4ccede9bddce2c86ff56c4126d";

    @Test
    void linksAreTheDocumentedLinesAndHashes() {
        ChainLink first = ChainLink.of(new CreditAdded(UserId.of(7), new TransactionId(151), Zephycoins.of("100.00"),
                "Initial credit", Zephycoins.of("100")), 1, Instant.parse("2026-03-01T10:00:01.123Z"), Sha256.ZERO);
        assertThat(first.line()).isEqualTo("zl1|7|1|151|CreditAdded|100|100|1772359201123000|"
                + "231e63ff3bc267cef51421c014cb338f982810c3326e5dc1843149558c0fc8df|" + "0".repeat(64));
        assertThat(first.hash()).isEqualTo(H1);
        ChainLink second = ChainLink.of(new CreditConsumed(UserId.of(7), new TransactionId(152), Zephycoins.of("2.5"),
                "render job", null, ChargeCategory.COMPUTATION, ChargeContext.project("p1"), Zephycoins.of("97.5")), 2,
                Instant.parse("2026-03-01T10:00:02Z"), first.hash());
        assertThat(second.line()).contains("|CreditConsumed|-2.5|97.5|1772359202000000|");
        assertThat(second.hash()).isEqualTo(H2);
    }

    @Test
    void anOddLeafGoesUpUnchangedAndItsPathFoldsToTheRoot() {
        List<String> leaves = List.of(MerkleTree.leaf(7, 2, H2), MerkleTree.leaf(8, 1, H8), MerkleTree.leaf(9, 1, H9));
        MerkleTree tree = new MerkleTree(leaves);
        assertThat(tree.root()).isEqualTo(ROOT);
        assertThat(tree.path(2)).hasSize(1);
        assertThat(tree.path(2).get(0).side()).isEqualTo("left");
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(MerkleTree.fold(leaves.get(i), tree.path(i))).isEqualTo(ROOT);
        }
        assertThat(MerkleTree.fold(MerkleTree.leaf(7, 1, H1), tree.path(0))).isNotEqualTo(ROOT);
        assertThat(new MerkleTree(List.of()).root()).isEqualTo(Sha256.ZERO);
        assertThat(new MerkleTree(List.of(leaves.get(0))).root()).isEqualTo(leaves.get(0));
    }
}
