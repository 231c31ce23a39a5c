"""Generic agents: the CAMEO sector a noun names ("troops" → military), and the one actor that
stands for a country's sector ("Turkish troops" → Turkey · military).

``kg/data/sectors.tsv`` lists the sectors (code, name, actor type, whether a state body);
``kg/data/agents.tsv`` maps agent phrases, lower case and singular, to their sector, and names
the single institution a phrase stands for where it does ("senate" → Senate). Most phrases are
converted from the Phoenix agents dictionary by ``scripts/convert_phoenix.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .events import ActorRef
from .gazetteer import ActorRecord, slug
from .words import data_table


@dataclass(frozen=True)
class Sector:
    code: str
    name: str
    type: str
    #: a state body ("the police", "the Senate"): an actor only with its country
    state: bool


@dataclass(frozen=True)
class Agent:
    """What an agent phrase names: a sector, and the institution when it names one."""

    sector: Sector
    institution: str | None = None


#: The sector of news outlets and journalists.
MEDIA = "MED"
#: The sector of police forces.
POLICE = "COP"
SECTORS = {row["code"]: Sector(row["code"], row["name"], row["type"], row["state"] == "yes")
           for row in data_table("sectors.tsv")}
AGENTS = {row["phrase"]: Agent(SECTORS[row["sector"]], row["institution"] or None)
          for row in data_table("agents.tsv") if row["sector"] in SECTORS}


def agent_of(words: list[str], whole: bool = False) -> Agent | None:
    """The agent of a noun phrase given as its lower-case words, the head's lemma last: the
    longest known ending wins ("law enforcement agency", then "agency"); with ``whole``, only
    all the words (a name: "Supreme Court" is one, "Kurdistan Workers' Party" is not)."""
    for start in range(1 if whole else len(words)):
        agent = AGENTS.get(" ".join(words[start:]))
        if agent:
            return agent
    return None


def sector_actor(agent: Agent, country: ActorRecord | None, mention: str) -> ActorRef | None:
    """The actor of a sector of a country ("Turkey · military", id ``TUR-MIL``), or of an
    institution of a country ("United States · Senate", ``USA-LEG-senate``). Without a
    country a sector is no actor: which country's police, or refugees? One "Refugees" node
    would merge every text's refugees."""
    sector = agent.sector
    if country is None:
        return None
    code = country.country or country.id
    actor_id, label = f"{code}-{sector.code}", sector.name
    if agent.institution:
        actor_id, label = f"{actor_id}-{slug(agent.institution)}", agent.institution
    return ActorRef(actor_id, f"{country.name} · {label}", sector.type, country.country, mention,
                    sector=sector.code, known=True)
