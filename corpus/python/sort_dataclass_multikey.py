"""Sort staff records three ways and check that the orders agree."""
import random
from dataclasses import dataclass, field
from operator import attrgetter

DEPTS = ["eng", "ops", "sales", "legal", "hr", "research", "support"]
FIRST = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu"]


@dataclass
class Employee:
    name: str
    dept: str
    age: int
    salary: int
    skills: list = field(default_factory=list)

    @property
    def seniority(self):
        return (self.age - 20) // 5


def make_staff(count, rng):
    staff = []
    for i in range(count):
        name = "%s-%s%05d" % (rng.choice(FIRST), rng.choice(FIRST), rng.randrange(100000))
        staff.append(Employee(name, rng.choice(DEPTS), rng.randint(20, 64),
                              rng.randrange(30, 200) * 500, rng.sample(range(40), 3)))
    return staff


def main(count):
    rng = random.Random(20240611)
    staff = make_staff(count, rng)

    # stable multi-pass: least significant key first
    passes = sorted(staff, key=attrgetter("name"))
    passes.sort(key=attrgetter("salary"), reverse=True)
    passes.sort(key=attrgetter("dept"))

    # one pass with a composite key
    composite = sorted(staff, key=lambda e: (e.dept, -e.salary, e.name))
    agree = sum(1 for a, b in zip(passes, composite) if a is b)

    # seniority bands, oldest band first, youngest name inside a band
    bands = sorted(staff, key=lambda e: (-e.seniority, e.age, e.name))
    top = {}
    for e in composite:
        top.setdefault(e.dept, e)
    median = sorted(e.salary for e in staff)[count // 2]
    print("records", count, "agree", agree, "median", median,
          "oldest", bands[0].age, "tops", sum(e.salary for e in top.values()))


if __name__ == "__main__":
    main(__SIZE__)
