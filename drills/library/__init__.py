"""The drill definitions, one module per chapter, and the sources they cite."""

from drills.library import cadence as cadence_drills
from drills.library import conditioning, exposure, mindset, technique, terrain

ALL_DRILLS = (
    technique.DRILLS
    + cadence_drills.DRILLS
    + exposure.DRILLS
    + conditioning.DRILLS
    + terrain.DRILLS
    + mindset.DRILLS
)
