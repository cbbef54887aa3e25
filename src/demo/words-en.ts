// The demo publication's own English words, written for this project. Every list is parallel to the one in
// words-de.ts, entry for entry and in order: a slot picks a concept, each language supplies its word.
// Irregular forms follow a slash: `crisis/crises`, `fight/fought`, `break/broke/broken`.
import type { Words } from "./template.js";

export const ENGLISH_WORDS: Words = {
  noun: `
    crisis/crises, strike, uprising, programme, party/parties, movement, treaty/treaties, revolution
    recession, war, alliance, faction, tradition, struggle, perspective, policy/policies
    regime, coalition, settlement, reform, budget, campaign, tribunal, congress
    constitution, blockade, election, referendum, occupation, famine, purge, trial
    archive, dictatorship, defeat, victory/victories, capitulation, manoeuvre, offensive
    wave of arrests/waves of arrests, lockout, general strike, mutiny/mutinies, insurrection
    counter-revolution, bureaucracy/bureaucracies, austerity programme, wage cut, pension reform
    privatisation, bailout, debt crisis, trade war, rearmament programme, embargo/embargoes
    border regime, deportation, emergency law, state of emergency/states of emergency, coup
    massacre, show trial, amnesty/amnesties, ceasefire, peace conference, negotiation
    agreement, resolution, manifesto/manifestos, pamphlet, newspaper, editorial, speech
    letter, report, inquiry/inquiries, commission, conference, demonstration, protest
    factory occupation, picket line, wage demand, contract, wave of layoffs/waves of layoffs
    plant closure, rent increase, price rise, inflation, boom, slump, bankruptcy/bankruptcies
    stock market crash, currency/currencies, tariff, subsidy/subsidies, tax cut, profit
    dividend, empire, colony/colonies, frontier, annexation, invasion, bombing campaign
    arms deal, military base, pogrom, exile, prison camp, censorship, surveillance programme
    police operation, split, merger, platform, tendency/tendencies, slogan, doctrine
    theory/theories, lie, falsification, legend, debate, polemic, question, principle, demand
    decree, law
  `,
  sing: `
    government, ruling class, trade union bureaucracy, army command, central bank, opposition
    press, leadership, cabinet, police chief, army, party leadership, bourgeoisie, parliament
    state apparatus, employers’ association, governing coalition, junta, old leadership
    national bourgeoisie, middle class, petty bourgeoisie, working class, labour movement
    union leadership, prime minister, head of state, finance minister, establishment
    Stalinist bureaucracy, liberal press, officer corps, financial oligarchy, intelligence service
    court
  `,
  plur: `
    workers, peasants, students, bankers, generals, historians, journalists, ministers
    trade unions, landowners, exporters, refugees, miners, dockworkers, teachers, nurses
    shareholders, oligarchs, academics, soldiers, sailors, railway workers, car workers
    textile workers, tenants, farmers, small traders, postal workers, employers, investors
    creditors, diplomats, members of parliament, voters, apprentices, revolutionaries
    Bolsheviks, Mensheviks, anarchists, socialists, social democrats, nationalists
    Stalinists, Trotskyists, reformists, migrants, pensioners, doctors, scientists, writers
    artists, film-makers, lawyers, prosecutors, judges, police officers
  `,
  adj: `
    historic, bitter, decisive, protracted, international, national, political, economic
    social, bureaucratic, revolutionary, conservative, official, unresolved, forgotten
    systematic, violent, peaceful, principled, cynical, open, secret, global, regional
    fragile, brutal, careful, remarkable, sober, lasting, desperate, reactionary, progressive
    militant, massive, catastrophic, tragic, grotesque, shameful, criminal, heroic
    courageous, cowardly, dishonest, honest, fraudulent, corrupt, rotten, hollow, empty
    bankrupt, obsolete, inevitable, necessary, urgent, immediate, direct, indirect, general
    partial, complete, total, chronic, acute, sudden, gradual, long, short, bloody, ruthless
    cautious, timid, ambitious, modest, enormous, profound, superficial, hidden, public
    private, nationalist, democratic, authoritarian, militarist, imperialist, colonial
    capitalist, socialist, Stalinist, pseudo-left, petty-bourgeois, liberal, radical
    moderate, left-wing, right-wing, far-right, fascist, anti-communist, unprecedented
    familiar, new, old, strange, deep, widespread, isolated, divided, united, disciplined
    spontaneous, organised
  `,
  verb: `
    betray, defend, expose, conceal, organise, suppress, transform, demand, reject, abandon
    document, finance, plan/planned, undermine, answer, condemn, justify, welcome
    fight/fought, falsify, destroy, crush, ban/banned, prolong, provoke, sabotage, isolate
    ignore, celebrate, praise, denounce, support, impose, enforce, sign, break/broke/broken
    hide/hid/hidden, revise, distort, rehabilitate, glorify, investigate, publish, print
    quote, dismantle, privatise, nationalise, occupy, block, arm, disarm, mobilise
    divide, unite, strengthen, weaken, deceive, discredit, underestimate, sacrifice
  `,
  adv: `
    openly, quietly, systematically, deliberately, repeatedly, cynically, consistently
    ultimately, hastily, secretly, publicly, brutally, cautiously, shamelessly, stubbornly
    successfully, falsely, bitterly, routinely, quickly
  `,
  place: `
    Nairobi, Mombasa, Kisumu, Berlin, Hamburg, Munich, Leipzig, Dresden, Cologne, Essen
    Bremen, Chemnitz, Vienna, Zurich, Madrid, Barcelona, Seville, Bilbao, Valencia, Lisbon
    Porto, Paris, Marseille, Lyon, Turin, Milan, Naples, Rome, Athens, Thessaloniki
    Istanbul, Ankara, Warsaw, Gdańsk, Budapest, Prague, Petrograd, Moscow, Kyiv, Kharkiv
    London, Glasgow, Liverpool, Belfast, Dublin, Detroit, Chicago, Flint, Oakland, Minneapolis
    Pittsburgh, Toledo, New York, Los Angeles, Mexico City, Havana, Santiago, Buenos Aires
    São Paulo, La Paz, Lima, Bogotá, Caracas, Lagos, Accra, Dakar, Johannesburg, Durban
    Cape Town, Harare, Kampala, Addis Ababa, Cairo, Tunis, Algiers, Tehran, Karachi, Colombo
    Kolkata, Mumbai, Chennai, Dhaka, Jakarta, Manila, Shanghai, Wuhan, Beijing, Seoul
    Tokyo, Hanoi, Sydney, Melbourne, Kenya, Germany, Spain, Greece, France, Italy
    Poland, Russia, China, India, Brazil, Mexico, Chile, Argentina, Bolivia, Nigeria
    South Africa, Egypt, Sri Lanka, Indonesia, Vietnam, Portugal, Britain, Ireland, Austria
    Hungary, Japan
  `,
  inst: `
    International Monetary Fund, World Bank, European Commission, European Central Bank
    Supreme Court, Senate, National Assembly, Communist International, League of Nations
    Security Council, World Trade Organization, Federal Reserve, Pentagon, Kremlin
    White House, Bundestag, Chancellery, Foreign Office, Treasury, Constitutional Court
    German Trade Union Confederation, Politburo, Central Committee, State Department
    North Atlantic Council, African Union, European Parliament, Reichstag, Duma
    Popular Front government, Provisional Government, Petrograd Soviet, Constituent Assembly
  `,
  year: `
    1848, 1871, 1889, 1905, 1912, 1914, 1917, 1918, 1919, 1921, 1923, 1926, 1927, 1929, 1931
    1933, 1934, 1936, 1937, 1938, 1939, 1940, 1944, 1945, 1948, 1953, 1956, 1960, 1963, 1968
    1969, 1973, 1974, 1979, 1984, 1989, 1991, 1997, 2001, 2003, 2008, 2011, 2015, 2020, 2022
  `,
  work: `
    The Lessons of October, The Permanent Crisis, Notes from the Underground Press
    The Burning Question, In Defence of Theory, The Road to Power, The Year of the Barricades
    A Balance Sheet of Defeat, The Mass Strike, Against the Current, The Fate of the Republic
    Letters from Exile, The Hungry Thirties, Reform or Revolution Revisited, The Great Retreat
    Workers and Empire, The Iron Years, The Price of Peace, Under the Red Flag
    The Forgotten Strike, Dialogues on the National Question, The Economics of Decline
    A History of the Dockers, The Long Night, Bread and Freedom, The Trial of the Twenty-One
    From Empire to Republic, The Anatomy of a Coup, Memoirs of a Typesetter
    The Unfinished Revolution
  `,
  name: `
    Karl Lindner, Vera Sokolova, Anton Brenner, Mira Halevi, Joseph Okonkwo, Rosa Eckstein
    Paul Mercier, Andrés Villalobos, Leo Grünbaum, Ivan Morozov, Grace Adeyemi, Henri Duval
    Sofia Markou, Ernst Kohler, Chen Wei, Ravi Pillai, Fatima Benali, Tadeusz Wróbel
    Olga Bernstein, Manuel Ortega, Hugo Rahn, Alice Whitcombe, Nikos Vlachos, Jan Kowal
    Ana Teixeira, Samuel Mwangi, Erik Lund, Léa Fontaine, Walter Brandes, Yuki Tanabe
    Pedro Alcántara, Amina Diallo, George Harker, Miriam Roth, Viktor Lenz, Irene Castell
    Julius Adler, Nadia Karim, Benjamin Frost, Teresa Moll
  `,
};
