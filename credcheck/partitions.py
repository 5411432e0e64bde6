"""AWS partitions and the STS regions offered for a check."""

from __future__ import annotations

from dataclasses import dataclass

from .text import N_

DEFAULT_REGION = "us-east-1"


@dataclass(frozen=True)
class Partition:
    """One AWS partition: keys from one never work in another."""

    name: str
    label: str
    regions: tuple[tuple[str, str], ...]  # (region, label)


PARTITIONS: tuple[Partition, ...] = (
    Partition(
        "aws",
        N_("AWS (standard)"),
        (
            ("us-east-1", N_("US East (N. Virginia)")),
            ("us-east-2", N_("US East (Ohio)")),
            ("us-west-2", N_("US West (Oregon)")),
            ("eu-west-1", N_("Europe (Ireland)")),
            ("eu-central-1", N_("Europe (Frankfurt)")),
            ("ap-northeast-1", N_("Asia Pacific (Tokyo)")),
            ("ap-northeast-2", N_("Asia Pacific (Seoul)")),
            ("ap-southeast-1", N_("Asia Pacific (Singapore)")),
        ),
    ),
    Partition(
        "aws-cn",
        N_("AWS China"),
        (
            ("cn-north-1", N_("China (Beijing)")),
            ("cn-northwest-1", N_("China (Ningxia)")),
        ),
    ),
    Partition(
        "aws-us-gov",
        N_("AWS GovCloud (US)"),
        (
            ("us-gov-west-1", N_("GovCloud (US-West)")),
            ("us-gov-east-1", N_("GovCloud (US-East)")),
        ),
    ),
)

PARTITION_OF: dict[str, Partition] = {
    region: partition for partition in PARTITIONS for region, _ in partition.regions
}


def partition_of(region: str) -> Partition:
    """The partition a region belongs to; the standard one for regions not listed here."""
    return PARTITION_OF.get(region, PARTITIONS[0])
