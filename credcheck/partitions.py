"""AWS partitions and the STS regions offered for a check."""

from __future__ import annotations

from dataclasses import dataclass

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
        "AWS (standard)",
        (
            ("us-east-1", "US East (N. Virginia)"),
            ("us-east-2", "US East (Ohio)"),
            ("us-west-2", "US West (Oregon)"),
            ("eu-west-1", "Europe (Ireland)"),
            ("eu-central-1", "Europe (Frankfurt)"),
            ("ap-northeast-1", "Asia Pacific (Tokyo)"),
            ("ap-northeast-2", "Asia Pacific (Seoul)"),
            ("ap-southeast-1", "Asia Pacific (Singapore)"),
        ),
    ),
    Partition(
        "aws-cn",
        "AWS China",
        (
            ("cn-north-1", "China (Beijing)"),
            ("cn-northwest-1", "China (Ningxia)"),
        ),
    ),
    Partition(
        "aws-us-gov",
        "AWS GovCloud (US)",
        (
            ("us-gov-west-1", "GovCloud (US-West)"),
            ("us-gov-east-1", "GovCloud (US-East)"),
        ),
    ),
)

PARTITION_OF: dict[str, Partition] = {
    region: partition for partition in PARTITIONS for region, _ in partition.regions
}


def partition_of(region: str) -> Partition:
    """The partition a region belongs to; the standard one for regions not listed here."""
    return PARTITION_OF.get(region, PARTITIONS[0])
